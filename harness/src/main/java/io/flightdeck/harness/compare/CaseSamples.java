package io.flightdeck.harness.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import io.flightdeck.harness.report.CaseReport;

/**
 * The per-iteration samples of a case that a comparison tests, by metric: one value per measured iteration (of every
 * fork), so the test sees the spread between iterations, not one number per run.
 */
public final class CaseSamples {

    /**
     * A metric a comparison knows: its name, which way is better, how to read it from an iteration, the smallest
     * change in its unit worth a verdict (0 for none), and for a percentile the share of an iteration's operations
     * at or beyond it (p99: 0.01; 0 for the others), which says how many operations it rests on.
     */
    public record Metric(String name, Direction direction, String unit, double floor,
                         ToDoubleFunction<CaseReport.Iteration> sample, double tail) {

        public Metric(String name, Direction direction, String unit, double floor,
                      ToDoubleFunction<CaseReport.Iteration> sample) {
            this(name, direction, unit, floor, sample, 0);
        }
    }

    /**
     * Allocation per operation moves by a few bytes with nothing changed (a lambda allocated once per iteration, a
     * JFR buffer on a worker): below this many bytes a change is never claimed, whatever its percentage.
     */
    public static final double ALLOCATION_FLOOR_BYTES = 16;

    /** In the order a comparison lists them. */
    public static final List<Metric> METRICS = List.of(
            new Metric("mean", Direction.LOWER_IS_BETTER, "ns", 0, CaseReport.Iteration::meanNanos),
            new Metric("p50", Direction.LOWER_IS_BETTER, "ns", 0, i -> i.p50Nanos() > 0 ? i.p50Nanos() : Double.NaN,
                    0.5),
            new Metric("p90", Direction.LOWER_IS_BETTER, "ns", 0, i -> i.p90Nanos() > 0 ? i.p90Nanos() : Double.NaN,
                    0.1),
            new Metric("p99", Direction.LOWER_IS_BETTER, "ns", 0, i -> i.p99Nanos() > 0 ? i.p99Nanos() : Double.NaN,
                    0.01),
            new Metric("throughput", Direction.HIGHER_IS_BETTER, "op/s", 0, CaseReport.Iteration::opsPerSecond),
            new Metric("alloc-per-op", Direction.LOWER_IS_BETTER, "B", ALLOCATION_FLOOR_BYTES,
                    // 0: a report from before allocation was counted, or a JVM that does not count it
                    i -> i.allocatedBytes() > 0
                    && i.operations() > 0 ? (double) i.allocatedBytes() / i.operations() : Double.NaN));

    private CaseSamples() {
    }

    /** The median count of operations in a measured iteration, 0 when none was measured. */
    public static double operationsPerIteration(CaseReport c) {
        double[] ops = c.iterations().stream().mapToDouble(CaseReport.Iteration::operations).toArray();
        return ops.length == 0 ? 0 : SampleComparison.median(ops);
    }

    /** Each fork's median of one metric, in fork order; forks that did not measure it are left out. */
    public static double[] forkMedians(CaseReport c, Metric m) {
        Map<Integer, List<Double>> byFork = new TreeMap<>();
        for (CaseReport.Iteration i : c.iterations()) {
            double v = m.sample().applyAsDouble(i);
            if (Double.isFinite(v)) {
                byFork.computeIfAbsent(i.fork(), f -> new ArrayList<>()).add(v);
            }
        }
        return byFork.values().stream()
                .mapToDouble(values -> SampleComparison.median(values.stream().mapToDouble(Double::doubleValue)
                        .toArray()))
                .toArray();
    }

    /**
     * Each metric's samples, NaN (not measured: an older report, a JVM without per-thread allocation counters)
     * left out; a metric no iteration measured is absent.
     */
    public static Map<Metric, double[]> of(CaseReport c) {
        Map<Metric, double[]> out = new LinkedHashMap<>();
        for (Metric m : METRICS) {
            double[] values = c.iterations().stream().mapToDouble(m.sample()).filter(Double::isFinite).toArray();
            if (values.length > 0) {
                out.put(m, values);
            }
        }
        return out;
    }
}
