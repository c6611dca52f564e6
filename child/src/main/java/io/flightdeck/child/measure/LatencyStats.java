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

    /** The figure a budget names: p50, p90, p95, p99, p99.9, max, mean or min; NaN for other names. */
    public double metric(String name) {
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
