package io.flightdeck.child.measure.resources;

import java.util.Map;

/**
 * Bytes allocated a second by all the JVM's threads over a stretch of time, from HotSpot's per-thread counters: what
 * paces the allocation sampler ({@code AllocationPacer}). A thread that ended within the stretch is not counted.
 */
public final class AllocationRate {

    private final ThreadAllocations allocations;
    private final Map<Long, Long> start;
    private final long startNanos;

    private AllocationRate(ThreadAllocations allocations) {
        this.allocations = allocations;
        this.start = allocations == null ? null : allocations.snapshot();
        this.startNanos = System.nanoTime();
    }

    /** Starts the stretch. */
    public static AllocationRate start() {
        return new AllocationRate(ThreadAllocations.open());
    }

    /** Bytes a second since {@link #start()}; NaN when this JVM does not count allocations. */
    public double bytesPerSecond() {
        long nanos = System.nanoTime() - startNanos;
        if (allocations == null || nanos <= 0) {
            return Double.NaN;
        }
        return ThreadAllocations.allocatedBetween(start, allocations.snapshot(), -1) * 1e9 / nanos;
    }
}
