package io.flightdeck.memory.retrieval;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TextShortlistTest {

    @Test
    void selectsExactlyTheTopKAgainstSorting() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(300);
            int k = 1 + random.nextInt(100);
            int distinct = 1 + random.nextInt(round % 3 == 0 ? 3 : 1_000); // many ties in a third of the rounds
            float[] scores = new float[n];
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(distinct);
                ids[i] = i;
            }
            int selected = TextShortlist.selectTop(ids, n, scores, k);
            assertThat(selected).isEqualTo(Math.min(n, k));
            float[] sorted = scores.clone();
            Arrays.sort(sorted);
            float[] chosen = new float[selected];
            for (int i = 0; i < selected; i++) {
                chosen[i] = scores[ids[i]];
            }
            Arrays.sort(chosen);
            assertThat(chosen).containsExactly(Arrays.copyOfRange(sorted, n - selected, n));
            assertThat(Arrays.stream(ids).distinct().count()).isEqualTo(n); // a permutation, nothing lost
        }
    }
}
