package io.flightdeck.memory.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Descriptions have the skewed vocabulary of real text, which a BM25 index will be benchmarked on: a
 * large vocabulary, no word in every description, a long tail of rare words.
 */
class VocabularyStatisticsTest {

    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "do", "for",
            "from", "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "so", "that", "the", "their",
            "then", "there", "this", "to", "was", "we", "were", "when", "where", "which", "while", "with", "why",
            "how", "what", "after", "before", "all", "any", "but", "if", "not", "no", "our", "can", "should", "would",
            "will", "up", "out", "via");

    @Test
    void descriptionsHaveARealisticZipfLikeVocabulary() {
        int n = 10_000;
        Map<String, Integer> documentFrequency = new HashMap<>();
        Map<String, Integer> termFrequency = new HashMap<>();
        Set<String> distinctDescriptions = new HashSet<>();
        EpisodeGenerator g = new EpisodeGenerator(2024);
        for (int i = 0; i < n; i++) {
            String d = g.next().description();
            distinctDescriptions.add(d);
            Set<String> seen = new HashSet<>();
            for (String raw : d.split("[^A-Za-z0-9]+")) {
                String w = raw.toLowerCase(Locale.ROOT);
                if (w.length() < 2 || STOP.contains(w)) {
                    continue;
                }
                termFrequency.merge(w, 1, Integer::sum);
                if (seen.add(w)) {
                    documentFrequency.merge(w, 1, Integer::sum);
                }
            }
        }
        int maxDf = documentFrequency.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        long rare = termFrequency.values().stream().filter(f -> f <= 2).count();
        List<Integer> byRank = new ArrayList<>(termFrequency.values());
        byRank.sort((a, b) -> b - a);

        assertThat(documentFrequency.size()).as("distinct words").isGreaterThan(2_000);
        assertThat(maxDf).as("descriptions holding the most common content word").isLessThan(n * 40 / 100);
        assertThat((double) rare / termFrequency.size()).as("share of words seen at most twice").isGreaterThan(0.4);
        // rank-frequency falls steeply, as in natural text: the 10th word is far more common than the 1000th
        assertThat(byRank.get(9)).isGreaterThan(20 * byRank.get(999));
        assertThat(distinctDescriptions.size()).as("distinct descriptions").isGreaterThan(n * 90 / 100);
    }

    @Test
    void everyTaskTypeHasItsOwnPhrasing() {
        Map<io.flightdeck.memory.model.TaskType, Set<String>> firstWords = new HashMap<>();
        for (GeneratedEpisode e : new EpisodeGenerator(7).batch(3_000)) {
            firstWords.computeIfAbsent(e.taskType(), t -> new HashSet<>()).add(e.description().split(" ")[0]);
        }
        assertThat(firstWords).hasSize(7);
        assertThat(firstWords.values()).allSatisfy(words -> assertThat(words.size()).isGreaterThan(4));
    }
}
