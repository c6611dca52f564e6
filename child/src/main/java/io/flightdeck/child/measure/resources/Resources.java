package io.flightdeck.child.measure.resources;

/**
 * What the current JVM used over one measured phase (see {@link ResourceMeter}). Every boxed field is null
 * when this platform or JVM cannot tell; nothing is ever made up as 0.
 *
 * @param wallNanos                    elapsed wall-clock time of the phase
 * @param cpuUserNanos                 user CPU time of the whole process (all threads, JIT and GC included)
 * @param cpuSystemNanos               kernel CPU time of the whole process
 * @param peakRssBytes                 largest resident set size sampled during the phase (every 50 ms, and at
 *                                     start and stop); a spike shorter than the sampling interval can be missed
 * @param processPeakRssBytes          the kernel's peak RSS since the process started (Linux VmHWM), which may
 *                                     predate the phase
 * @param heapPeakBytes                sum of the peak usage of each heap pool over the phase; the pools peak at
 *                                     different moments, so this is an upper bound of the heap's peak
 * @param heapAfterGcBytes             heap in use right after the last collection; null when no GC ran in the phase
 * @param gcCount                      collections during the phase
 * @param gcTimeMillis                 accumulated collection time during the phase, as the collectors report it
 * @param allocatedBytes               bytes allocated by threads alive at stop (see {@link ResourceMeter})
 * @param allocationRateBytesPerSecond {@code allocatedBytes} per second of wall time
 * @param diskReadBytes                bytes the process caused to be read from storage (page-cache hits excluded)
 * @param diskWriteBytes               bytes the process caused to be written to storage
 */
public record Resources(
        long wallNanos,
        Long cpuUserNanos,
        Long cpuSystemNanos,
        Long peakRssBytes,
        Long processPeakRssBytes,
        Long heapPeakBytes,
        Long heapAfterGcBytes,
        Long gcCount,
        Long gcTimeMillis,
        Long allocatedBytes,
        Double allocationRateBytesPerSecond,
        Long diskReadBytes,
        Long diskWriteBytes) {
}
