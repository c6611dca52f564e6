package io.flightdeck.memory.retrieval;

/**
 * Picks the candidates with the best text scores, so that only they get the full (and much dearer) relevance
 * score: BM25 finds the plausible episodes, the rest of the ranking orders them. In place, O(n) on average
 * (quickselect with a three-way partition), on primitive arrays: no boxing, no allocation.
 */
final class TextShortlist {

    private TextShortlist() {
    }

    /**
     * Reorders {@code ids[0, n)} so that its first {@code k} entries are ones with the highest {@code scores[id]}
     * (in no particular order among themselves).
     *
     * @return {@code min(n, k)}
     */
    static int selectTop(int[] ids, int n, float[] scores, int k) {
        if (n <= k) {
            return n;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            // three-way partition of [lo, hi]: greater than the pivot, equal, smaller. Equal scores (common: every
            // context-only candidate scores 0) land in one block at once instead of one element per round.
            float pivot = medianOfThree(scores[ids[lo]], scores[ids[(lo + hi) >>> 1]], scores[ids[hi]]);
            int gt = lo;
            int i = lo;
            int lt = hi;
            while (i <= lt) {
                float v = scores[ids[i]];
                if (v > pivot) {
                    swap(ids, gt++, i++);
                } else if (v < pivot) {
                    swap(ids, i, lt--);
                } else {
                    i++;
                }
            }
            // now [lo, gt) > pivot, [gt, lt] == pivot, (lt, hi] < pivot
            if (k < gt) {
                hi = gt - 1;
            } else if (k <= lt + 1) {
                break;
            } else {
                lo = lt + 1;
            }
        }
        return k;
    }

    private static float medianOfThree(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
