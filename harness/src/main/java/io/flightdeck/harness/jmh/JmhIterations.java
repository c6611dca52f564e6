package io.flightdeck.harness.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import io.flightdeck.child.IterationResult;

/**
 * JMH's measured iterations of one fork as Flightdeck's {@link IterationResult}s, so that its comparisons, the
 * regression gate and the history test them exactly as they test a workload's iterations. What each mode measured,
 * and so what each figure is:
 *
 * <ul>
 *   <li>{@code avgt}: the mean time per operation (per thread); throughput is threads / mean.</li>
 *   <li>{@code thrpt}: operations per second, all threads together; the mean time is threads / throughput.</li>
 *   <li>{@code sample}: a sample of single operations' times; the mean and percentiles are those of the sample.</li>
 *   <li>{@code ss}: the time of one call, of {@code -bs} operations; the mean is that time / {@code -bs}.</li>
 * </ul>
 * Only {@code sample} measures single operations, so only it gives percentiles; for the others they are 0, which the
 * comparisons read as "not measured" rather than as a figure. Operations are JMH's count where it gives one
 * (sample, ss) and rate × iteration time otherwise. Allocation comes from JMH's own GC profiler when the run had it
 * ({@code -prof gc}: {@code gc.alloc.rate.norm}, bytes per operation; {@code ·gc.alloc.rate.norm} before JMH 1.36),
 * else it is 0: not measured.
 */
public final class JmhIterations {

    /** JMH's GC profiler's bytes allocated per operation, as JMH 1.36 and later name it, and before. */
    static final List<String> ALLOCATION_METRICS = List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm");

    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|min|hr)");

    private JmhIterations() {
    }

    /** The measured iterations of fork {@code fork} (0-based, in JMH's order), numbered from 1. */
    public static List<IterationResult> of(JmhResult r, int fork) {
        JmhMode mode = JmhMode.of(r.mode());
        JmhUnit unit = JmhUnit.parse(r.primaryMetric().scoreUnit());
        List<Double> allocation = allocationPerOperation(r, fork);
        long iterationNanos = iterationNanos(r.measurementTime());
        List<IterationResult> out = new ArrayList<>();
        if (mode == JmhMode.SAMPLE) {
            List<List<List<Double>>> iterations = r.primaryMetric().rawDataHistogram().get(fork);
            for (int i = 0; i < iterations.size(); i++) {
                Histogram h = histogram(iterations.get(i), unit);
                double mean = h.getMean();
                double rate = r.threads() * 1e9 / mean;
                long wall = iterationNanos > 0 ? iterationNanos : Math.round(h.getTotalCount() * mean / r.threads());
                long operations = Math.round(rate * wall / 1e9);
                out.add(new IterationResult(i + 1, operations, wall, wall, mean, rate, h.getValueAtPercentile(50),
                        h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                        allocated(allocation, i, operations)));
            }
            return out;
        }
        List<Double> values = r.primaryMetric().rawData().get(fork);
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            double perThreadNanos;
            double rate;
            if (mode == JmhMode.SINGLE_SHOT) {
                // the time of the whole call: -bs operations (seen: 5 operations of 25 µs read 220 µs)
                perThreadNanos = unit.nanosPerOperation(value) / r.measurementBatchSize();
                rate = r.threads() * 1e9 / perThreadNanos;
            } else if (mode == JmhMode.THROUGHPUT) {
                rate = unit.operationsPerSecond(value);
                perThreadNanos = r.threads() * 1e9 / rate;
            } else {
                perThreadNanos = unit.nanosPerOperation(value);
                rate = r.threads() * 1e9 / perThreadNanos;
            }
            long operations;
            long wall;
            if (mode == JmhMode.SINGLE_SHOT) {
                operations = (long) r.measurementBatchSize() * r.threads();
                wall = Math.round(perThreadNanos * r.measurementBatchSize());
            } else {
                wall = iterationNanos;
                operations = Math.round(rate * wall / 1e9);
            }
            out.add(new IterationResult(i + 1, operations, wall, wall, perThreadNanos, rate, 0, 0, 0,
                    allocated(allocation, i, operations)));
        }
        return out;
    }

    /** A sample-mode iteration's {@code [value, count]} pairs as a histogram of nanoseconds. */
    static Histogram histogram(List<List<Double>> pairs, JmhUnit unit) {
        Histogram h = new Histogram(3);
        for (List<Double> pair : pairs) {
            long nanos = Math.max(1, Math.round(unit.nanosPerOperation(pair.get(0))));
            long count = Math.round(pair.get(1));
            if (count > 0) {
                h.recordValueWithCount(nanos, count);
            }
        }
        return h;
    }

    /** {@code "1 s"}, {@code "200 ms"}: JMH's iteration time in nanoseconds; 0 when it gives none (single shot). */
    public static long iterationNanos(String time) {
        if (time == null) {
            return 0;
        }
        Matcher m = TIME.matcher(time.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return 0;
        }
        double n = Double.parseDouble(m.group(1));
        double unit = switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> 3600e9;
        };
        return Math.round(n * unit);
    }

    private static List<Double> allocationPerOperation(JmhResult r, int fork) {
        JmhResult.Metric m = ALLOCATION_METRICS.stream().map(r.secondaryMetrics()::get).filter(x -> x != null)
                .findFirst().orElse(null);
        if (m == null || m.rawData() == null || m.rawData().size() <= fork || !"B/op".equals(m.scoreUnit())) {
            return List.of();
        }
        return m.rawData().get(fork);
    }

    private static long allocated(List<Double> perOperation, int iteration, long operations) {
        if (iteration >= perOperation.size() || !Double.isFinite(perOperation.get(iteration))) {
            return 0;
        }
        return Math.round(perOperation.get(iteration) * operations);
    }
}
