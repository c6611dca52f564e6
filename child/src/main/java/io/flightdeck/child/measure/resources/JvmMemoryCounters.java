package io.flightdeck.child.measure.resources;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/** Heap-pool and garbage-collector figures from the platform MXBeans. */
final class JvmMemoryCounters {

    private JvmMemoryCounters() {
    }

    /** Forgets the pools' peaks, so that the next {@link #heapPeakBytes()} covers only what follows. */
    static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of each heap pool's peak use; null if no pool reports one. */
    static Long heapPeakBytes() {
        long sum = 0;
        boolean any = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                MemoryUsage peak = pool.getPeakUsage();
                if (peak != null) {
                    sum += peak.getUsed();
                    any = true;
                }
            }
        }
        return any ? sum : null;
    }

    /** Sum of the heap pools' use right after their last collection; null if none reports it or all say 0. */
    static Long heapAfterGcBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                if (afterGc != null) {
                    sum += afterGc.getUsed();
                }
            }
        }
        return sum > 0 ? sum : null;
    }

    /** Collections so far, summed over the collectors; null if no collector counts them (they return -1). */
    static Long gcCount() {
        long sum = 0;
        boolean any = false;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long n = gc.getCollectionCount();
            if (n >= 0) {
                sum += n;
                any = true;
            }
        }
        return any ? sum : null;
    }

    /** Collection time so far in ms, summed over the collectors; null if none reports it. */
    static Long gcTimeMillis() {
        long sum = 0;
        boolean any = false;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long t = gc.getCollectionTime();
            if (t >= 0) {
                sum += t;
                any = true;
            }
        }
        return any ? sum : null;
    }
}
