package io.flightdeck.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import io.flightdeck.child.CaseResult;
import io.flightdeck.child.ChildResult;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.child.measure.HistogramCodec;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.harness.measure.ScalingFit;
import io.flightdeck.child.measure.TukeyOutliers;
import io.flightdeck.child.measure.resources.Resources;
import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.api.Workload;

/** Turns the forks of a workload into its {@link WorkloadReport}: merged histograms, all iterations, the fit. */
public final class WorkloadReports {

    private WorkloadReports() {
    }

    public static WorkloadReport of(Workload workload, List<ForkOutcome> forks, Path runDirectory) {
        return of(workload.name(), workload.description(), workload.operationUnit(), forks, null, runDirectory);
    }

    /**
     * A workload's report from its forks, whatever ran them (a JMH benchmark is one too).
     *
     * @param failure why the workload failed when no fork says so (JMH gave no result for it); null otherwise
     */
    public static WorkloadReport of(String name, String description, String operationUnit, List<ForkOutcome> forks,
                                    String failure, Path runDirectory) {
        List<ForkReport> forkReports = forks.stream().map(f -> forkReport(name, f, runDirectory)).toList();
        if (failure == null) {
            failure = forks.stream().map(ForkOutcome::failure).filter(Objects::nonNull).findFirst().orElse(null);
        }

        // cases by label, in the order the first fork ran them; a failed fork still contributes the cases it finished
        Map<String, List<CaseWithFork>> byLabel = new LinkedHashMap<>();
        for (ForkOutcome f : forks) {
            if (f.result() == null) {
                continue;
            }
            for (CaseResult c : f.result().cases()) {
                byLabel.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(new CaseWithFork(f.fork(), c));
            }
        }
        List<CaseReport> cases = byLabel.values().stream().map(WorkloadReports::merge).toList();
        List<ScalingFit.Point> points = cases.stream().filter(c -> c.size() > 0)
                .map(c -> new ScalingFit.Point(c.size(), c.latency().p50())).toList();
        ScalingFit scaling = ScalingFit.of("p50", points);
        return new WorkloadReport(name, description, operationUnit,
                failure == null ? RunReport.PASSED : RunReport.FAILED, failure, forkReports, cases, scaling, null);
    }

    private record CaseWithFork(int fork, CaseResult result) {
    }

    private static CaseReport merge(List<CaseWithFork> forks) {
        CaseResult first = forks.get(0).result();
        Histogram merged = new Histogram(3);
        List<CaseReport.Iteration> iterations = new ArrayList<>();
        List<Resources> resources = new ArrayList<>();
        Map<String, double[]> metricSums = new LinkedHashMap<>(); // name -> {sum, count}
        Map<String, String> metricUnits = new LinkedHashMap<>();
        for (CaseWithFork f : forks) {
            merged.add(HistogramCodec.decode(f.result().histogram()));
            f.result().iterations().forEach(i -> iterations.add(new CaseReport.Iteration(f.fork(), i.index(),
                    i.operations(), i.wallNanos(), i.activeNanos(), i.meanNanos(), i.opsPerSecond(), i.p50Nanos(),
                    i.p90Nanos(), i.p99Nanos(), i.allocatedBytes())));
            resources.add(f.result().resources());
            for (CaseResult.Metric m : f.result().metrics()) {
                double[] acc = metricSums.computeIfAbsent(m.name(), k -> new double[2]);
                acc[0] += m.value();
                acc[1]++;
                metricUnits.putIfAbsent(m.name(), m.unit());
            }
        }
        List<CaseResult.Metric> metrics = new ArrayList<>();
        metricSums.forEach((name, acc) -> metrics.add(new CaseResult.Metric(name, acc[0] / acc[1], metricUnits.get(name))));
        long ops = iterations.stream().mapToLong(CaseReport.Iteration::operations).sum();
        long nanos = iterations.stream().mapToLong(CaseReport.Iteration::activeNanos).sum();
        double[] means = iterations.stream().mapToDouble(CaseReport.Iteration::meanNanos).toArray();
        return new CaseReport(first.label(), first.threads(), first.size(), first.operationUnit(),
                latency(merged, iterations), HistogramCodec.encode(merged), ops * 1e9 / Math.max(1, nanos),
                List.copyOf(iterations), TukeyOutliers.of(means), first.coldStart(), first.warmupIterations(),
                forks.stream().mapToLong(f -> f.result().jitMillisDuringMeasurement()).sum(),
                List.copyOf(metrics),
                List.copyOf(resources), first.details(), forks.stream()
                        .map(f -> f.result().allocationSampledEvery()).filter(Objects::nonNull)
                        .max(Long::compare).orElse(null));
    }

    /**
     * The histogram's summary; when no single operation was timed (JMH's avgt, thrpt or ss: iterations only), the
     * mean over all operations, each iteration weighed by its operations, and the spread of the iterations' means.
     */
    private static LatencyStats latency(Histogram merged, List<CaseReport.Iteration> iterations) {
        if (merged.getTotalCount() > 0 || iterations.isEmpty()) {
            return LatencyStats.of(merged);
        }
        long ops = iterations.stream().mapToLong(CaseReport.Iteration::operations).sum();
        double weighed = iterations.stream().mapToDouble(i -> i.meanNanos() * i.operations()).sum();
        double mean = ops > 0 ? weighed / ops
                : iterations.stream().mapToDouble(CaseReport.Iteration::meanNanos).average().orElse(0);
        double[] means = iterations.stream().mapToDouble(CaseReport.Iteration::meanNanos).toArray();
        double spread = means.length < 2 ? 0 : new StandardDeviation().evaluate(means);
        return LatencyStats.meanOnly(Math.max(ops, iterations.size()), mean, spread);
    }

    private static ForkReport forkReport(String workload, ForkOutcome f, Path runDirectory) {
        String recording = f.recording() == null ? null : relative(runDirectory, f.recording());
        Long bytes = null;
        try {
            bytes = f.recording() == null ? null : Files.size(f.recording());
        } catch (IOException e) {
            // the size is a courtesy; the path is what matters
        }
        ChildResult r = f.result();
        return new ForkReport(f.fork(), f.ok() ? RunReport.PASSED : RunReport.FAILED, f.exitCode(), f.timedOut(),
                f.seconds(), f.failure(), recording, bytes, resultFile(runDirectory, workload, f),
                f.stderrTail(), f.command(), r == null ? null : r.jvm());
    }

    /** The fork's result file, relative to the run folder; null when it wrote none (a JMH fork writes none). */
    private static String resultFile(Path runDirectory, String workload, ForkOutcome f) {
        String file = workload + "/" + RunLayout.forkFile(RunLayout.RESULT, "json", f.fork());
        return f.result() != null && Files.isRegularFile(runDirectory.resolve(file)) ? file : null;
    }

    private static String relative(Path base, Path file) {
        try {
            return base.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
