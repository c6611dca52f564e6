package io.flightdeck.child.measure.resources;

import oshi.software.os.OSProcess;

import java.util.Map;

/**
 * Measures what the current JVM uses over one phase: {@code start()} before the phase, {@code stop()} after.
 * Meant for a forked child JVM that runs one workload, so process-wide figures (CPU, RSS, disk) are the
 * workload's plus the JVM's own (JIT, GC, this meter's sampler).
 *
 * <p>Allocation is the sum of HotSpot's per-thread allocation counters: threads that started during the
 * phase count from 0; threads that <em>died</em> before {@code stop()} are lost (the JVM drops their counter),
 * so a workload that hands work to short-lived threads is under-counted — use a pool that outlives the
 * phase, or rely on JFR allocation events. The sampler thread's own allocation is left out. Counts include
 * TLAB sizing effects and are exact to a TLAB, not to a byte.
 *
 * <p>Nothing here throws because a figure is unavailable: that figure is null in {@link Resources}.
 * CPU times come from the OS at clock-tick resolution (10 ms on Linux).
 */
public final class ResourceMeter {

    private final OSProcess process;
    private final ProcessCounters processStart;
    private final Long gcCountStart;
    private final Long gcTimeStart;
    private final ThreadAllocations allocations;
    private final Map<Long, Long> allocatedStart;
    private final RssSampler sampler;
    private final long startNanos;
    private boolean stopped;

    private ResourceMeter() {
        process = OshiProcess.current();
        sampler = RssSampler.start();
        processStart = ProcessCounters.read(process);
        JvmMemoryCounters.resetHeapPeaks();
        gcCountStart = JvmMemoryCounters.gcCount();
        gcTimeStart = JvmMemoryCounters.gcTimeMillis();
        allocations = ThreadAllocations.open();
        allocatedStart = allocations == null ? null : allocations.snapshot();
        startNanos = System.nanoTime(); // last, so the snapshots above are not part of the phase
    }

    /**
     * Builds OSHI's system view (about 0.8 s) now, so that the first {@link #start()} does not pay for it
     * inside a timed region.
     */
    public static void warmUp() {
        OshiProcess.warmUp();
    }

    /** Snapshots the counters and starts sampling RSS every 50 ms on a daemon thread. */
    public static ResourceMeter start() {
        return new ResourceMeter();
    }

    /** Ends the phase; may be called once. */
    public synchronized Resources stop() {
        long wall = System.nanoTime() - startNanos; // first, so the reads below are not part of the phase
        if (stopped) {
            throw new IllegalStateException("this meter was already stopped");
        }
        stopped = true;
        Long allocated = allocations == null ? null
                : ThreadAllocations.allocatedBetween(allocatedStart, allocations.snapshot(), sampler.threadId());
        Long gcCount = delta(gcCountStart, JvmMemoryCounters.gcCount());
        Long gcTime = delta(gcTimeStart, JvmMemoryCounters.gcTimeMillis());
        Long heapPeak = JvmMemoryCounters.heapPeakBytes();
        // Collection usage is not reset at start: without a GC in the phase it would describe an earlier one.
        Long heapAfterGc = gcCount != null && gcCount > 0 ? JvmMemoryCounters.heapAfterGcBytes() : null;
        Long peakRss = sampler.stop();
        ProcessCounters processEnd = ProcessCounters.read(process);
        Long processPeakRss = ProcStatus.peakRssBytes();

        Long userNanos = null;
        Long systemNanos = null;
        Long diskRead = null;
        Long diskWrite = null;
        if (processStart != null && processEnd != null) {
            userNanos = millisToNanos(processEnd.userMillis() - processStart.userMillis());
            systemNanos = millisToNanos(processEnd.kernelMillis() - processStart.kernelMillis());
            boolean ioKnown = processEnd.bytesRead() > 0 || processEnd.bytesWritten() > 0
                    || ProcStatus.ioCountersReadable();
            if (ioKnown) {
                diskRead = Math.max(0, processEnd.bytesRead() - processStart.bytesRead());
                diskWrite = Math.max(0, processEnd.bytesWritten() - processStart.bytesWritten());
            }
        }
        Double rate = allocated == null || wall <= 0 ? null : allocated * 1e9 / wall;
        return new Resources(wall, userNanos, systemNanos, peakRss, processPeakRss, heapPeak, heapAfterGc, gcCount,
                gcTime, allocated, rate, diskRead, diskWrite);
    }

    private static Long delta(Long start, Long end) {
        return start == null || end == null ? null : Math.max(0, end - start);
    }

    private static long millisToNanos(long millis) {
        return Math.max(0, millis) * 1_000_000L;
    }
}
