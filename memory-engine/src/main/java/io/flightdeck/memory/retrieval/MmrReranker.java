package io.flightdeck.memory.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance: picks results one at a time, each maximising
 * {@code lambda * relevance - (1 - lambda) * (highest similarity to a result already picked)}, so that ten
 * near-identical episodes do not crowd out the eleventh, different one. Similarity is the Jaccard index of
 * the descriptions' term sets.
 */
public final class MmrReranker {

    private MmrReranker() {
    }

    /** @param ranked hits best first; returns at most {@code limit} of them in MMR order */
    public static List<RetrievalHit> rerank(List<RetrievalHit> ranked, double lambda, int limit) {
        List<RetrievalHit> remaining = new ArrayList<>(ranked);
        List<RetrievalHit> picked = new ArrayList<>(Math.min(limit, ranked.size()));
        while (picked.size() < limit && !remaining.isEmpty()) {
            int bestIndex = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < remaining.size(); i++) {
                RetrievalHit candidate = remaining.get(i);
                double maxSimilarity = 0;
                for (RetrievalHit chosen : picked) {
                    maxSimilarity = Math.max(maxSimilarity,
                            jaccard(candidate.episode().termIds, chosen.episode().termIds));
                }
                double value = lambda * candidate.score() - (1 - lambda) * maxSimilarity;
                if (value > bestValue) {
                    bestValue = value;
                    bestIndex = i;
                }
            }
            picked.add(remaining.remove(bestIndex));
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
