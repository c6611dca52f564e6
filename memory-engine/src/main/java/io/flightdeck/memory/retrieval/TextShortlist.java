package io.flightdeck.memory.retrieval;

/**
 * Picks the candidates with the best text scores, so that only they get the full (and much dearer) relevance
 * score: BM25 finds the plausible episodes, the rest of the ranking orders them. In place, O(n) on average
 * (quickselect), on primitive arrays: no boxing, no allocation.
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
            int p = partition(ids, lo, hi, scores);
            if (p == k) {
                break;
            } else if (p < k) {
                lo = p + 1;
            } else {
                hi = p - 1;
            }
        }
        return k;
    }

    /** Lomuto partition around a median-of-three pivot, best scores first; returns the pivot's final index. */
    private static int partition(int[] ids, int lo, int hi, float[] scores) {
        int mid = (lo + hi) >>> 1;
        if (scores[ids[mid]] > scores[ids[lo]]) {
            swap(ids, mid, lo);
        }
        if (scores[ids[hi]] > scores[ids[lo]]) {
            swap(ids, hi, lo);
        }
        if (scores[ids[mid]] > scores[ids[hi]]) {
            swap(ids, mid, hi);
        }
        float pivot = scores[ids[hi]]; // the median of the three now sits at hi
        int store = lo;
        for (int i = lo; i < hi; i++) {
            if (scores[ids[i]] > pivot) {
                swap(ids, i, store++);
            }
        }
        swap(ids, store, hi);
        return store;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
