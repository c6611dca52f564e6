package io.flightdeck.memory.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same seed gives the same data byte for byte; the data never depends on the wall clock. */
class EpisodeGeneratorDeterminismTest {

    /** Records render every field (steps, results, outcome, context) in toString: a canonical form. */
    private static List<String> render(EpisodeGenerator g, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(g.next().toString());
        }
        return out;
    }

    @Test
    void sameSeedGivesIdenticalEpisodes() {
        List<String> a = render(new EpisodeGenerator(20260105L), 1_000);
        List<String> b = render(new EpisodeGenerator(20260105L), 1_000);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void sameSeedGivesIdenticalQueriesAndExactStepEpisodes() {
        EpisodeGenerator g1 = new EpisodeGenerator(99);
        EpisodeGenerator g2 = new EpisodeGenerator(99);
        for (int i = 0; i < 300; i++) {
            assertThat(g1.next(25).toString()).isEqualTo(g2.next(25).toString());
            assertThat(g1.query().toString()).isEqualTo(g2.query().toString());
        }
        GeneratedEpisode e1 = g1.next();
        assertThat(g1.nearDuplicateQuery(e1).toString()).isEqualTo(g2.nearDuplicateQuery(g2.next()).toString());
    }

    @Test
    void differentSeedsGiveDifferentEpisodes() {
        List<String> a = render(new EpisodeGenerator(1), 200);
        List<String> b = render(new EpisodeGenerator(2), 200);
        int same = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) {
                same++;
            }
        }
        assertThat(same).isZero();
    }

    @Test
    void episodeAtRecomputesTheEpisodeOfThatIndex() {
        EpisodeGenerator g = new EpisodeGenerator(5);
        List<GeneratedEpisode> batch = g.batch(50);
        EpisodeGenerator fresh = new EpisodeGenerator(5);
        for (int i : new int[] {0, 1, 17, 49}) {
            assertThat(fresh.episodeAt(i)).isEqualTo(batch.get(i));
        }
        assertThat(fresh.generated()).isZero();
    }

    @Test
    void anEpisodeDoesNotDependOnOtherCalls() {
        EpisodeGenerator plain = new EpisodeGenerator(8);
        plain.next();
        GeneratedEpisode second = plain.next();

        EpisodeGenerator busy = new EpisodeGenerator(8);
        busy.next(40);
        busy.queries(10);
        assertThat(busy.next()).isEqualTo(second);
    }

    @Test
    void exactStepCountKeepsTheTask() {
        GeneratedEpisode normal = new EpisodeGenerator(3).next();
        GeneratedEpisode fifty = new EpisodeGenerator(3).next(50);
        assertThat(fifty.description()).isEqualTo(normal.description());
        assertThat(fifty.context()).isEqualTo(normal.context());
        assertThat(fifty.taskType()).isEqualTo(normal.taskType());
    }

    @Test
    void timestampsComeFromTheBaseTimeNotTheClock() {
        Instant base = Instant.parse("2030-03-01T00:00:00Z");
        GeneratorConfig config = GeneratorConfig.defaults().withBaseTime(base);
        GeneratorConfig shifted = config.withBaseTime(base.plus(Duration.ofDays(10)));
        List<GeneratedEpisode> a = new EpisodeGenerator(4, config).batch(200);
        List<GeneratedEpisode> b = new EpisodeGenerator(4, shifted).batch(200);
        for (int i = 0; i < a.size(); i++) {
            var sa = a.get(i).steps();
            var sb = b.get(i).steps();
            for (int k = 0; k < sa.size(); k++) {
                assertThat(sa.get(k).timestamp()).isAfter(base);
                assertThat(Duration.between(sa.get(k).timestamp(), sb.get(k).timestamp())).isEqualTo(Duration.ofDays(10));
            }
        }
        Instant lastOfFirst = a.get(0).steps().get(a.get(0).steps().size() - 1).timestamp();
        assertThat(lastOfFirst).isBefore(base.plus(Duration.ofHours(2)));
    }
}
