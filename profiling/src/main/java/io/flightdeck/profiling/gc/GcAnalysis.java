package io.flightdeck.profiling.gc;

import java.util.List;

import io.flightdeck.profiling.Ranked;

/**
 * How the collector behaved.
 *
 * @param collections       {@code jdk.GarbageCollection} events
 * @param byName            collections by collector name (e.g. G1New, G1Old)
 * @param byCause           collections by cause (e.g. G1 Evacuation Pause, System.gc())
 * @param pauses            stop-the-world pauses ({@code jdk.GCPhasePause}; each collection's sum of pauses where
 *                          those are absent), durations in nanoseconds
 * @param heapAfterGc       heap used after each collection ({@code jdk.GCHeapSummary}, when "After GC"), in time order
 * @param postGcSlope       the robust (Theil–Sen) slope of heap used after GC, after warm-up: what a leak check reads
 * @param gcCpuShare        share of the process's CPU spent in GC, from {@code jdk.GCCPUTime} (JDK 20+) and
 *                          {@code jdk.ThreadCPULoad}; null where the recording has no such events
 */
public record GcAnalysis(long collections, List<Ranked> byName, List<Ranked> byCause, PauseStats pauses,
                         List<HeapPoint> heapAfterGc, HeapSlope postGcSlope, Double gcCpuShare) {

    /** Pause durations in nanoseconds. */
    public record PauseStats(String source, long count, long totalNanos, long p50Nanos, long p99Nanos, long maxNanos) {
    }

    /** @param secondsFromStart since the start of the analysed span */
    public record HeapPoint(double secondsFromStart, long heapUsedBytes) {
    }

    /**
     * @param bytesPerSecond the Theil–Sen slope; null with fewer than {@link GcCollector#MIN_TREND_POINTS} points
     * @param lowerBytesPerSecond its 95 % confidence interval's low end (Sen's), null as above
     * @param upperBytesPerSecond the interval's high end
     * @param points         collections the slope was fitted on
     * @param skippedWarmup  collections left out as warm-up (the first fifth of the span)
     */
    public record HeapSlope(Double bytesPerSecond, Double lowerBytesPerSecond, Double upperBytesPerSecond, int points,
                            int skippedWarmup) {
    }
}
