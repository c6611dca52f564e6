package io.flightdeck.memory.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance: picks results one at a time, each maximising
 * {@code lambda * relevance - (1 - lambda) * (highest similarity to a result already picked)}, so that ten
 * near-identical episodes do not crowd out the eleventh, different one. Similarity is the Jaccard index of
 * the descriptions' term sets. Each candidate keeps its highest similarity so far, updated against the one
 * result just picked: O(limit x pool) similarity computations, not O(limit^2 x pool).
 */
public final class MmrReranker {

    private MmrReranker() {
    }

    /** @param ranked hits best first; returns at most {@code limit} of them in MMR order */
    public static List<RetrievalHit> rerank(List<RetrievalHit> ranked, double lambda, int limit) {
        int n = ranked.size();
        boolean[] taken = new boolean[n];
        double[] maxSimilarity = new double[n];
        List<RetrievalHit> picked = new ArrayList<>(Math.min(limit, n));
        while (picked.size() < limit && picked.size() < n) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double value = lambda * ranked.get(i).score() - (1 - lambda) * maxSimilarity[i];
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            taken[best] = true;
            RetrievalHit chosen = ranked.get(best);
            picked.add(chosen);
            for (int i = 0; i < n; i++) {
                if (!taken[i]) {
                    maxSimilarity[i] = Math.max(maxSimilarity[i],
                            jaccard(ranked.get(i).episode().termIds, chosen.episode().termIds));
                }
            }
        }
        return picked;
    }

    /** Jaccard index of two ascending arrays of distinct ids. */
    static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }
}
