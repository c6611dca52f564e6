package io.flightdeck.harness.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

import io.flightdeck.child.CaseResult;
import io.flightdeck.child.ChildResult;
import io.flightdeck.child.IterationResult;
import io.flightdeck.child.measure.HistogramCodec;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.child.measure.TukeyOutliers;
import io.flightdeck.child.measure.resources.Resources;
import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.jmh.ForkFolders;

/**
 * JMH's results and the forks' recordings as Flightdeck's forks: a benchmark method is a workload, each of its
 * {@code @Param} combinations a case (labelled as {@link ForkFolders#parameterLabel}; with the mode added when the
 * method ran in more than one), and each JMH fork of a case one {@link ForkOutcome}, its measured iterations read by
 * {@link JmhIterations} and its recording the one the profiler left in the fork's folder. JMH runs each case in
 * forks of its own, so a benchmark's forks are numbered on across its cases (cases a and b of 2 forks each: forks
 * 1, 2 and 3, 4), each number naming one JVM as a run's fork numbers do.
 *
 * <p>A benchmark whose forks left folders but whose results JMH did not write (an exception in the benchmark: JMH
 * goes on to the next) is a failed workload, so that a benchmark that broke never just goes missing.
 */
public final class JmhOutcomes {

    /** The unit of a JMH operation, as reports name it. */
    public static final String OPERATION_UNIT = "op";
    /** A benchmark's name as JMH gives it, a method's qualified name: safe as a folder name, as a workload's is. */
    public static final Pattern BENCHMARK_NAME = Pattern.compile(
            "[A-Za-z_$][A-Za-z0-9_$]{0,127}(\\.[A-Za-z_$][A-Za-z0-9_$]{0,127}){1,64}");

    /** Sample mode's percentiles among the secondary metrics: p0.00, p0.50, ..., p1.00. */
    private static final Pattern SAMPLE_PERCENTILE = Pattern.compile("·?p[01]\\.\\d+");

    /** The recording's file name inside a fork's folder. */
    public static final String RECORDING = "recording.jfr";

    /** One benchmark method: its forks, every case's, in JMH's order; {@code failure} when JMH gave no result. */
    public record Benchmark(String name, List<ForkOutcome> forks, String failure) {
    }

    private JmhOutcomes() {
    }

    /**
     * @param recordings the profiler's recordings root ({@link ForkFolders})
     * @param command    the JMH command line, for the forks' reports
     */
    public static List<Benchmark> of(List<JmhResult> results, Path recordings, List<String> command,
                                     Instant started, Instant finished) throws IOException {
        Map<String, List<JmhResult>> byBenchmark = new LinkedHashMap<>();
        results.forEach(r -> byBenchmark.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r));
        List<Benchmark> out = new ArrayList<>();
        for (Map.Entry<String, List<JmhResult>> e : byBenchmark.entrySet()) {
            boolean modes = e.getValue().stream().map(JmhResult::mode).distinct().count() > 1;
            List<ForkOutcome> forks = new ArrayList<>();
            for (JmhResult r : e.getValue()) {
                forks.addAll(forks(r, caseLabel(r, modes), forks.size(), recordings, command, started, finished));
            }
            out.add(new Benchmark(e.getKey(), forks, null));
        }
        for (String missing : recordedWithoutResults(recordings, byBenchmark.keySet())) {
            out.add(new Benchmark(missing, List.of(), "JMH wrote no result for it: the benchmark failed "
                    + "(its error is in jmh-output.txt)"));
        }
        return out;
    }

    /** The case: the parameters' label, {@code mode=...} among them when a method ran in several modes. */
    static String caseLabel(JmhResult r, boolean withMode) {
        Map<String, String> labelled = new LinkedHashMap<>(r.params());
        if (withMode) {
            labelled.put("mode", r.mode());
        }
        return ForkFolders.parameterLabel(labelled);
    }

    /** @param before the benchmark's forks so far, of its earlier cases */
    private static List<ForkOutcome> forks(JmhResult r, String label, int before, Path recordings,
                                           List<String> command, Instant started, Instant finished) {
        int forkCount = JmhMode.of(r.mode()) == JmhMode.SAMPLE ? r.primaryMetric().rawDataHistogram().size()
                : r.primaryMetric().rawData().size();
        List<ForkOutcome> out = new ArrayList<>();
        for (int fork = 0; fork < forkCount; fork++) {
            List<IterationResult> iterations = JmhIterations.of(r, fork);
            CaseResult c = caseResult(r, label, fork, iterations);
            ChildResult.JvmFacts jvm = new ChildResult.JvmFacts(r.vmName(), r.jdkVersion(), r.jvmArgs(), List.of(),
                    0, 0);
            int number = before + fork + 1;
            ChildResult result = new ChildResult(ChildResult.SCHEMA_VERSION, r.benchmark(), number, ChildResult.OK,
                    null, started, finished, jvm, List.of(c));
            Path recording = ForkFolders.fork(recordings, r.benchmark(), r.mode(), r.params(), fork + 1, false)
                    .resolve(RECORDING);
            long wall = iterations.stream().mapToLong(IterationResult::wallNanos).sum();
            out.add(new ForkOutcome(number, 0, false, wall / 1e9, result, null, List.of(),
                    Files.isRegularFile(recording) ? recording : null, command));
        }
        return out;
    }

    private static CaseResult caseResult(JmhResult r, String label, int fork, List<IterationResult> iterations) {
        Histogram histogram = new Histogram(3);
        if (JmhMode.of(r.mode()) == JmhMode.SAMPLE) {
            JmhUnit unit = JmhUnit.parse(r.primaryMetric().scoreUnit());
            r.primaryMetric().rawDataHistogram().get(fork).forEach(i -> histogram.add(JmhIterations.histogram(i, unit)));
        }
        long ops = iterations.stream().mapToLong(IterationResult::operations).sum();
        long wall = iterations.stream().mapToLong(IterationResult::wallNanos).sum();
        double[] means = iterations.stream().mapToDouble(IterationResult::meanNanos).toArray();
        LatencyStats latency = histogram.getTotalCount() > 0 ? LatencyStats.of(histogram)
                : LatencyStats.meanOnly(ops, ops > 0 ? iterations.stream()
                        .mapToDouble(i -> i.meanNanos() * i.operations()).sum() / ops : 0, 0);
        long allocated = iterations.stream().mapToLong(IterationResult::allocatedBytes).sum();
        Resources resources = new Resources(wall, null, null, null, null, null, null,
                forkTotal(r, fork, "gc.count"), forkTotal(r, fork, "gc.time"), allocated > 0 ? allocated : null,
                allocated > 0 && wall > 0 ? allocated * 1e9 / wall : null, null, null);
        return new CaseResult(label, r.threads(), 0, OPERATION_UNIT, null, r.warmupIterations(), 0, latency,
                HistogramCodec.encode(histogram), iterations, TukeyOutliers.of(means),
                wall > 0 ? ops * 1e9 / wall : 0, metrics(r, fork), resources, null, List.of(), null);
    }

    /**
     * Every secondary metric of JMH's (its profilers', the benchmark's counters) as the fork's mean; not sample
     * mode's percentiles ({@code p0.50}...), which the case's own latency holds.
     */
    private static List<CaseResult.Metric> metrics(JmhResult r, int fork) {
        List<CaseResult.Metric> out = new ArrayList<>();
        r.secondaryMetrics().forEach((name, m) -> {
            if (!SAMPLE_PERCENTILE.matcher(name).matches() && m.rawData() != null && m.rawData().size() > fork
                    && !m.rawData().get(fork).isEmpty()) {
                double mean = m.rawData().get(fork).stream().mapToDouble(Double::doubleValue).average().orElse(0);
                // JMH before 1.36 put a middle dot before its profilers' metrics
                out.add(new CaseResult.Metric(name.startsWith("·") ? name.substring(1) : name, mean, m.scoreUnit()));
            }
        });
        return out;
    }

    /** A counter's total over the fork's iterations (JMH's gc.count, gc.time), null when JMH did not measure it. */
    private static Long forkTotal(JmhResult r, int fork, String metric) {
        JmhResult.Metric m = r.secondaryMetrics().get(metric);
        if (m == null) {
            m = r.secondaryMetrics().get("·" + metric);
        }
        if (m == null || m.rawData() == null || m.rawData().size() <= fork) {
            return null;
        }
        return Math.round(m.rawData().get(fork).stream().mapToDouble(Double::doubleValue).sum());
    }

    /** Benchmarks with recorded forks but no results, by folder name (the profiler's own, see ForkFolders). */
    private static List<String> recordedWithoutResults(Path recordings, Set<String> withResults)
            throws IOException {
        if (!Files.isDirectory(recordings)) {
            return List.of();
        }
        Set<String> known = new HashSet<>();
        withResults.forEach(b -> known.add(ForkFolders.safe(b)));
        List<String> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(recordings)) {
            entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !known.contains(name) && hasForks(recordings.resolve(name))).sorted()
                    .forEach(out::add);
        }
        return out;
    }

    private static boolean hasForks(Path benchmark) {
        try (Stream<Path> files = Files.walk(benchmark, 3)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("fork-"));
        } catch (IOException e) {
            return false;
        }
    }
}
