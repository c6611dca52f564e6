package io.flightdeck.harness.interchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import io.flightdeck.child.ChildResult;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.ForkReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.RunSettings;
import io.flightdeck.harness.report.WorkloadReport;

/**
 * A run as JMH writes its results ({@code -rf json}), so tools that read JMH's JSON (dashboards, JMH Visualizer,
 * jmh-table.py) read Flightdeck's too: one result per case in average-time mode, the score being the mean of the
 * measured iterations' mean latencies in µs/op, its error JMH's 99.9 % Student-t half-width, its raw data the
 * iteration means per fork.
 */
public final class JmhFormat {

    /** The JMH version whose JSON layout this follows. */
    static final String JMH_VERSION = "1.37";
    static final String UNIT = "us/op";

    private JmhFormat() {
    }

    public record PrimaryMetric(double score, double scoreError, double[] scoreConfidence,
                                Map<String, Double> scorePercentiles, String scoreUnit, List<List<Double>> rawData) {
    }

    public record Result(String jmhVersion, String benchmark, String mode, int threads, int forks, String jvm,
                         List<String> jvmArgs, String jdkVersion, String vmName, String vmVersion,
                         int warmupIterations, String warmupTime, int warmupBatchSize, int measurementIterations,
                         String measurementTime, int measurementBatchSize, Map<String, String> params,
                         PrimaryMetric primaryMetric, Map<String, Object> secondaryMetrics) {
    }

    public static List<Result> of(RunReport report) {
        List<Result> out = new ArrayList<>();
        RunSettings s = report.settings();
        var parent = report.environment() == null ? null : report.environment().jvm();
        for (WorkloadReport w : report.workloads()) {
            // the JVM that measured: the child's own account of itself, the parent's java.home and VM name
            ChildResult.JvmFacts jvm = w.forks().stream().map(ForkReport::jvm).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            for (CaseReport c : w.cases()) {
                if (c.iterations().isEmpty()) {
                    continue;
                }
                Map<String, String> params = new LinkedHashMap<>();
                params.put("case", c.label());
                if (s != null) {
                    params.putAll(s.parameters()); // the workloads' --params, as JMH lists its @Params
                }
                out.add(new Result(JMH_VERSION, "io.flightdeck.workload." + w.name(), "avgt", c.threads(),
                        (int) c.iterations().stream().mapToInt(CaseReport.Iteration::fork).distinct().count(),
                        parent == null ? null : parent.javaHome(), jvm == null ? List.of() : jvm.inputArguments(),
                        jvm == null ? null : jvm.version(), parent == null ? null : parent.vmName(),
                        jvm == null ? null : jvm.vendor() + " " + jvm.version(), c.warmupIterations(),
                        s == null ? null : s.iterationMillis() + " ms", 1, c.iterations().size(),
                        s == null ? null : s.iterationMillis() + " ms", 1, params, metric(c), Map.of()));
            }
        }
        return out;
    }

    private static PrimaryMetric metric(CaseReport c) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        Map<Integer, List<Double>> byFork = new LinkedHashMap<>();
        for (CaseReport.Iteration i : c.iterations()) {
            double us = i.meanNanos() / 1_000.0;
            stats.addValue(us);
            byFork.computeIfAbsent(i.fork(), f -> new ArrayList<>()).add(us);
        }
        long n = stats.getN();
        double mean = stats.getMean();
        double error = n > 1
                ? new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2) * stats.getStandardDeviation()
                / Math.sqrt(n)
                : Double.NaN;
        Map<String, Double> percentiles = new LinkedHashMap<>();
        percentiles.put("0.0", stats.getMin());
        for (double p : new double[]{50, 90, 95, 99, 99.9, 99.99, 99.999, 99.9999}) {
            percentiles.put(String.valueOf(p), stats.getPercentile(p));
        }
        percentiles.put("100.0", stats.getMax());
        return new PrimaryMetric(mean, error, new double[]{mean - error, mean + error}, percentiles, UNIT,
                new ArrayList<>(byFork.values()));
    }
}
