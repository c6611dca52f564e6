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
            return Double.NaN;
        }
        Arrays.sort(slopes, 0, k);
        return k % 2 == 1 ? slopes[k / 2] : (slopes[k / 2 - 1] + slopes[k / 2]) / 2;
    }
}
