package io.flightdeck.child;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.child.measure.TukeyOutliers;
import io.flightdeck.child.measure.resources.Resources;

/**
 * Everything one fork measured for one case of a workload.
 *
 * @param warmupIterations how many warm-up iterations ran (more than planned while the case kept getting faster)
 * @param jitMillisDuringMeasurement time the JIT spent compiling during the measured iterations: when it is a
 *                    noticeable share of them, the case was measured while its code still changed
 * @param histogram   the full latency histogram of the measured iterations ({@link io.flightdeck.child.measure.HistogramCodec})
 * @param throughput  operations per second over all measured iterations
 * @param metrics     the workload's own figures
 * @param resources   CPU, memory, GC, allocation and disk over the measured iterations
 * @param details     structured extras of the workload (e.g. object layouts), or null
 * @param checkpoints the live heap before and after each measured iteration of a leak check; empty otherwise
 * @param heapFull    why a leak check stopped this case early (its heap nearly full, or out of memory); null when it
 *                    ran its whole duration, and always outside a leak check
 * @param allocationSampledEvery async-profiler's allocation interval in bytes during the measured iterations, as
 *                    paced from the warm-up's allocation rate ({@code AllocationPacer}); null when not paced (another
 *                    sampler, a given {@code --alloc-interval}, or a result from an older child)
 */
public record CaseResult(String label, int threads, long size, String operationUnit, ColdStart coldStart,
                         int warmupIterations, long jitMillisDuringMeasurement, LatencyStats latency, String histogram, List<IterationResult> iterations,
                         TukeyOutliers outliers, double throughput, List<Metric> metrics, Resources resources,
                         JsonNode details, List<Checkpoint> checkpoints, HeapFull heapFull,
                         Long allocationSampledEvery) {

    public CaseResult {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** A case measured without allocation pacing. */
    public CaseResult(String label, int threads, long size, String operationUnit, ColdStart coldStart,
                      int warmupIterations, long jitMillisDuringMeasurement, LatencyStats latency, String histogram,
                      List<IterationResult> iterations, TukeyOutliers outliers, double throughput,
                      List<Metric> metrics, Resources resources, JsonNode details, List<Checkpoint> checkpoints,
                      HeapFull heapFull) {
        this(label, threads, size, operationUnit, coldStart, warmupIterations, jitMillisDuringMeasurement, latency,
                histogram, iterations, outliers, throughput, metrics, resources, details, checkpoints, heapFull, null);
    }

    public record Metric(String name, double value, String unit) {
    }
}
