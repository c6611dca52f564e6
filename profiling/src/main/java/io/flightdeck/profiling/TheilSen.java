package io.flightdeck.profiling;

import java.util.Arrays;

/**
 * The Theil–Sen estimator: the median of the slopes between every pair of points. Half the points can be outliers
 * (a GC that caught a burst of garbage, a cache filling once) before the slope moves, unlike least squares, which is
 * why the post-GC heap trend uses it. Pairs are subsampled deterministically above {@link #MAX_PAIRS} so a long
 * recording's thousands of collections stay cheap.
 */
public final class TheilSen {

    static final int MAX_PAIRS = 2_000_000;

    private TheilSen() {
    }

    /** The slope in y-units per x-unit, or NaN with fewer than two distinct x. */
    public static double slope(double[] x, double[] y) {
        return fit(x, y).slope();
    }

    /**
     * The slope with its 95 % confidence interval; all NaN with fewer than two distinct x.
     *
     * @param slope the median of the pairwise slopes
     * @param lower the interval's low end: Sen's (1968) distribution-free bound, the pairwise slope at rank
     *              (N − C) / 2 of the N sorted ones, where C = 1.96 √(n(n−1)(2n+5)/18) comes from Kendall's tau
     * @param upper its high end, at rank (N + C) / 2 + 1
     */
    public record Fit(double slope, double lower, double upper) {

        /** Whether the interval lies wholly above zero: growth that noise is unlikely to explain. */
        public boolean significantlyPositive() {
            return lower > 0;
        }
    }

    private static final double Z_95 = 1.959963984540054;

    public static Fit fit(double[] x, double[] y) {
        int n = Math.min(x.length, y.length);
        long pairs = (long) n * (n - 1) / 2;
        int stride = (int) Math.max(1, Math.ceil(Math.sqrt((double) pairs / MAX_PAIRS)));
        double[] slopes = new double[(int) Math.min(pairs, MAX_PAIRS * 2L) + 1];
        int k = 0;
        for (int i = 0; i < n; i += stride) {
            for (int j = i + 1; j < n; j += stride) {
                double dx = x[j] - x[i];
                if (dx != 0 && k < slopes.length) {
                    slopes[k++] = (y[j] - y[i]) / dx;
                }
            }
        }
        if (k == 0) {
            return new Fit(Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(slopes, 0, k);
        double median = k % 2 == 1 ? slopes[k / 2] : (slopes[k / 2 - 1] + slopes[k / 2]) / 2;
        double m = Math.ceil((double) n / stride); // the points the pairs were drawn from
        double c = Z_95 * Math.sqrt(m * (m - 1) * (2 * m + 5) / 18);
        int lowerRank = (int) Math.floor((k - c) / 2);       // 1-based ranks, as Sen gives them, rounded outward
        int upperRank = (int) Math.ceil((k + c) / 2) + 1;
        double lower = slopes[Math.max(0, Math.min(k - 1, lowerRank - 1))];
        double upper = slopes[Math.max(0, Math.min(k - 1, upperRank - 1))];
        return new Fit(median, lower, upper);
    }
}
