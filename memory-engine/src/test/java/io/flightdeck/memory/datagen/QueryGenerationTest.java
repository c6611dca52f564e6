package io.flightdeck.memory.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Queries: near-duplicates of stored descriptions that still share their identifying words, and new ones. */
class QueryGenerationTest {

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() > 3) {
                out.add(w);
            }
        }
        return out;
    }

    private static double overlap(String query, String source) {
        Set<String> q = words(query);
        Set<String> s = words(source);
        Set<String> common = new HashSet<>(q);
        common.retainAll(s);
        return q.isEmpty() ? 0 : (double) common.size() / Math.min(q.size(), s.size());
    }

    @Test
    void queriesMixNearDuplicatesAndNewTasks() {
        EpisodeGenerator g = new EpisodeGenerator(55);
        List<GeneratedEpisode> stored = g.batch(500);
        int nearDuplicates = 0;
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            GeneratedQuery q = g.query();
            assertThat(q.text()).isNotBlank();
            if (q.isNearDuplicate()) {
                nearDuplicates++;
                assertThat(q.sourceIndex()).isBetween(0L, 499L);
                GeneratedEpisode source = stored.get((int) q.sourceIndex());
                assertThat(q.sourceDescription()).isEqualTo(source.description());
                assertThat(q.text()).isNotEqualTo(source.description());
                assertThat(q.taskType()).isEqualTo(source.taskType());
                assertThat(q.context().domain()).isEqualTo(source.context().domain());
            } else {
                assertThat(q.sourceIndex()).isEqualTo(GeneratedQuery.NO_INDEX);
            }
        }
        assertThat((double) nearDuplicates / n).isCloseTo(0.5, within(0.05));
    }

    @Test
    void nearDuplicatesKeepMostOfTheIdentifyingWords() {
        EpisodeGenerator g = new EpisodeGenerator(56);
        double total = 0;
        int n = 1_000;
        for (int i = 0; i < n; i++) {
            GeneratedEpisode e = g.next();
            GeneratedQuery q = g.nearDuplicateQuery(e);
            assertThat(q.text()).isNotEqualTo(e.description());
            assertThat(q.sourceDescription()).isEqualTo(e.description());
            total += overlap(q.text(), e.description());
        }
        assertThat(total / n).isGreaterThan(0.6);
    }

    @Test
    void rephrasedQueriesOfAnIndexShareTheSubject() {
        EpisodeGenerator g = new EpisodeGenerator(57);
        List<GeneratedEpisode> stored = g.batch(300);
        double total = 0;
        for (int i = 0; i < stored.size(); i++) {
            GeneratedQuery q = g.nearDuplicateQuery(i);
            assertThat(q.sourceIndex()).isEqualTo(i);
            assertThat(q.sourceDescription()).isEqualTo(stored.get(i).description());
            total += overlap(q.text(), stored.get(i).description());
        }
        assertThat(total / stored.size()).isGreaterThan(0.35);
    }

    @Test
    void withoutEpisodesEveryQueryIsNew() {
        EpisodeGenerator g = new EpisodeGenerator(58);
        assertThat(g.queries(50)).noneMatch(GeneratedQuery::isNearDuplicate);
    }
}
