package io.flightdeck.memory.datagen;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks items from a fixed table, the i-th (0-based) with weight {@code 1/(i+1)^s}. Tables are written most
 * common first, so a corpus drawn from them has the skewed word frequencies of real text: a few names
 * everywhere, a long tail seen once or twice. That skew is what a BM25 index is tuned for.
 * Immutable after construction; {@link #pick} only reads, so tables can be shared static constants.
 */
final class ZipfChoice<T> {

    private final Object[] items;
    private final double[] cumulative;

    private ZipfChoice(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per item and at least one item");
        }
        this.items = items.toArray();
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weights must be >= 0: " + weights[i]);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights must not all be 0");
        }
    }

    /** Rank-frequency table with exponent {@code s} (0 = uniform, 1 = classic Zipf). */
    static <T> ZipfChoice<T> zipf(double s, List<T> items) {
        double[] w = new double[items.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = s == 0 ? 1 : Math.pow(i + 1, -s);
        }
        return new ZipfChoice<>(items, w);
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array only reaches List.of, which copies it
    static <T> ZipfChoice<T> zipf(double s, T... items) {
        return zipf(s, List.of(items));
    }

    static <T> ZipfChoice<T> weighted(List<T> items, double... weights) {
        return new ZipfChoice<>(items, weights.clone());
    }

    int size() {
        return items.length;
    }

    @SuppressWarnings("unchecked")
    T get(int index) {
        return (T) items[index];
    }

    @SuppressWarnings("unchecked")
    T pick(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (T) items[lo];
    }
}
