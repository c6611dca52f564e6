package io.flightdeck.child.measure;

import java.util.List;

import org.HdrHistogram.AbstractHistogram;

/**
 * The latency summary of a histogram of per-operation times, all in nanoseconds. Percentiles come from
 * HdrHistogram at three significant digits, so a figure is exact to 0.1 %.
 */
public record LatencyStats(long count, double mean, double stddev, long min, long p50, long p90, long p95, long p99,
                           long p999, long max) {

    /** The names budgets and reports use for the figures, in display order. */
    public static final List<String> METRICS = List.of("p50", "p90", "p95", "p99", "p99.9", "max", "mean");

    public static LatencyStats of(AbstractHistogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencyStats(h.getTotalCount(), h.getMean(), h.getStdDeviation(), h.getMinValue(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(95),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    /**
     * The mean alone, for a measurement that timed whole iterations rather than single operations (JMH's thrpt, avgt
     * and ss modes): the operations and their mean time, with min, percentiles and max 0, which {@link #metric} and
     * the reports read as "not measured" ({@link #hasPercentiles}).
     *
     * @param stddev the spread of the iterations' means (the only spread such a measurement has)
     */
    public static LatencyStats meanOnly(long count, double mean, double stddev) {
        return new LatencyStats(count, mean, stddev, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Whether single operations were timed: false for none, or for {@link #meanOnly} a summary of the mean. */
    public boolean hasPercentiles() {
        return count > 0 && max > 0;
    }

    /**
     * The figure a budget names: p50, p90, p95, p99, p99.9, max, mean or min; NaN for other names, and for all but
     * the mean of a summary without percentiles.
     */
    public double metric(String name) {
        if (!hasPercentiles() && count > 0 && !name.equals("mean")) {
            return Double.NaN;
        }
        return switch (name) {
            case "p50" -> p50;
            case "p90" -> p90;
            case "p95" -> p95;
            case "p99" -> p99;
            case "p99.9" -> p999;
            case "max" -> max;
            case "min" -> min;
            case "mean" -> mean;
            default -> Double.NaN;
        };
    }
}
