package io.flightdeck.harness.report;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.child.CaseResult;
import io.flightdeck.child.ColdStart;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.child.measure.TukeyOutliers;
import io.flightdeck.child.measure.resources.Resources;

/**
 * One case of a workload, over all its forks.
 *
 * @param latency     percentiles of the forks' merged histograms (ns)
 * @param histogram   the merged histogram, HdrHistogram's compressed encoding in Base64
 * @param throughput  operations per second over all measured iterations of all forks
 * @param iterations  every measured iteration, with its fork: the samples statistical comparisons use
 * @param outliers    Tukey outliers among the iteration means (indexes into {@code iterations})
 * @param coldStart   the first fork's cold start
 * @param warmupIterations the first fork's warm-up iterations
 * @param jitMillisDuringMeasurement JIT compilation time during the measured iterations, summed over forks
 * @param metrics     the workload's own figures, averaged over forks
 * @param resources   resource use of each fork's measured iterations, in fork order
 * @param details     the workload's structured extras from the first fork, or null
 * @param allocationSampledEvery the widest allocation interval (bytes) a fork measured with, as its child paced
 *                    async-profiler's allocation sampler from its warm-up; null when not paced
 */
public record CaseReport(String label, int threads, long size, String operationUnit, LatencyStats latency,
                         String histogram, double throughput, List<Iteration> iterations, TukeyOutliers outliers,
                         ColdStart coldStart, int warmupIterations, long jitMillisDuringMeasurement,
                         List<CaseResult.Metric> metrics, List<Resources> resources,
                         JsonNode details, Long allocationSampledEvery) {

    /** A case measured without allocation pacing (or read from a report written before it). */
    public CaseReport(String label, int threads, long size, String operationUnit, LatencyStats latency,
                      String histogram, double throughput, List<Iteration> iterations, TukeyOutliers outliers,
                      ColdStart coldStart, int warmupIterations, long jitMillisDuringMeasurement,
                      List<CaseResult.Metric> metrics, List<Resources> resources, JsonNode details) {
        this(label, threads, size, operationUnit, latency, histogram, throughput, iterations, outliers, coldStart,
                warmupIterations, jitMillisDuringMeasurement, metrics, resources, details, null);
    }

    /** The same case with other iterations (a comparison that pools two runs' forks); the rest unchanged. */
    public CaseReport withIterations(List<Iteration> others) {
        return new CaseReport(label, threads, size, operationUnit, latency, histogram, throughput, List.copyOf(others),
                outliers, coldStart, warmupIterations, jitMillisDuringMeasurement, metrics, resources, details,
                allocationSampledEvery);
    }

    public record Iteration(int fork, int index, long operations, long wallNanos, long activeNanos, double meanNanos,
                            double opsPerSecond, long p50Nanos, long p90Nanos, long p99Nanos, long allocatedBytes) {

        /** The same iteration under another fork number. */
        public Iteration inFork(int otherFork) {
            return new Iteration(otherFork, index, operations, wallNanos, activeNanos, meanNanos, opsPerSecond,
                    p50Nanos, p90Nanos, p99Nanos, allocatedBytes);
        }
    }
}
