package io.flightdeck.harness.ab;

import java.util.List;
import java.util.function.ToDoubleFunction;

import io.flightdeck.child.CaseResult;
import io.flightdeck.child.IterationResult;

/**
 * A figure an A/B comparison reads from each fork of a case and compares round by round. Lower is better for all of
 * them.
 *
 * @param floor the smallest change in the metric's unit worth a verdict (0 for none)
 * @param tail  for a percentile, the share of operations at or beyond it (p99: 0.01), which says how many operations
 *              a fork's value rests on; 0 for the others
 */
public record AbMetric(String name, String unit, double floor, double tail, ToDoubleFunction<CaseResult> value) {

    /**
     * A fork's percentile is compared only when at least this many of its operations lie at or beyond it: fewer and
     * the percentile is one or two slow operations, whatever the code does.
     */
    public static final int MIN_TAIL_OPERATIONS = 20;

    /** Bytes per operation below which a change in allocation is never claimed (a lambda per iteration moves it). */
    public static final double ALLOCATION_FLOOR_BYTES = 16;

    /** In the order the comparison lists them. */
    public static final List<AbMetric> ALL = List.of(
            new AbMetric("mean", "ns", 0, 0, c -> c.latency().mean()),
            new AbMetric("p50", "ns", 0, 0.5, c -> c.latency().hasPercentiles() ? c.latency().p50() : Double.NaN),
            new AbMetric("p90", "ns", 0, 0.1, c -> c.latency().hasPercentiles() ? c.latency().p90() : Double.NaN),
            new AbMetric("p99", "ns", 0, 0.01, c -> c.latency().hasPercentiles() ? c.latency().p99() : Double.NaN),
            new AbMetric("alloc-per-op", "B", ALLOCATION_FLOOR_BYTES, 0, AbMetric::allocationPerOperation));

    /**
     * The fork's value, NaN when it has none worth comparing (no count, too few operations beyond a percentile). A
     * metric with a floor may be 0 (no allocation at all): a change from 0 is compared by its difference.
     */
    public double of(CaseResult c) {
        if (c == null || c.latency() == null || c.latency().count() == 0) {
            return Double.NaN;
        }
        if (tail > 0 && c.latency().count() * tail < MIN_TAIL_OPERATIONS) {
            return Double.NaN;
        }
        double v = value.applyAsDouble(c);
        return Double.isFinite(v) && (v > 0 || floor > 0 && v == 0) ? v : Double.NaN;
    }

    /** Bytes the workers allocated per operation over the measured iterations; NaN where the JVM does not count. */
    static double allocationPerOperation(CaseResult c) {
        long bytes = 0;
        long operations = 0;
        for (IterationResult i : c.iterations()) {
            if (i.allocatedBytes() < 0) {
                return Double.NaN;
            }
            bytes += i.allocatedBytes();
            operations += i.operations();
        }
        return operations == 0 ? Double.NaN : (double) bytes / operations;
    }
}
