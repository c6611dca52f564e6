package io.flightdeck.harness.leak;

import io.flightdeck.profiling.TheilSen;

/**
 * A robust (Theil–Sen) slope of the live heap with its 95 % confidence interval (Sen's), in bytes per operation or
 * per second as the evidence says.
 *
 * @param slope  bytes per unit
 * @param lower  the interval's low end
 * @param upper  its high end
 * @param points how many measurements it was fitted on
 */
public record HeapTrend(double slope, double lower, double upper, int points) {

    /** Fitted on fewer points, a slope is a line through noise: no trend. */
    public static final int MIN_POINTS = 5;

    /** The fit of {@code bytes} against {@code x}, or null with too few points to say anything. */
    public static HeapTrend fit(double[] x, double[] bytes) {
        if (x.length < MIN_POINTS) {
            return null;
        }
        TheilSen.Fit fit = TheilSen.fit(x, bytes);
        if (!Double.isFinite(fit.slope())) {
            return null;
        }
        return new HeapTrend(fit.slope(), fit.lower(), fit.upper(), x.length);
    }

    /** The interval lies wholly above zero: growth that noise is unlikely to explain. */
    public boolean significant() {
        return lower > 0;
    }

    /** Significant and steeper than {@code limit}: what fails a check. */
    public boolean exceeds(double limit) {
        return significant() && slope > limit;
    }

    /** The same trend in another unit, e.g. per second to per operation by dividing by the throughput. */
    public HeapTrend scaled(double factor) {
        return new HeapTrend(slope * factor, lower * factor, upper * factor, points);
    }
}
