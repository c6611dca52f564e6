package io.flightdeck.child.measure.resources;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-thread allocated-bytes counters of the JVM (HotSpot's {@code com.sun.management.ThreadMXBean}).
 * A snapshot maps thread id to bytes allocated so far; thread ids are never reused, so ids compare across
 * snapshots.
 */
final class ThreadAllocations {

    private final com.sun.management.ThreadMXBean threads;

    private ThreadAllocations(com.sun.management.ThreadMXBean threads) {
        this.threads = threads;
    }

    /** The counters, switched on if need be; null when this JVM does not offer them. */
    static ThreadAllocations open() {
        try {
            if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t)
                    || !t.isThreadAllocatedMemorySupported()) {
                return null;
            }
            if (!t.isThreadAllocatedMemoryEnabled()) {
                t.setThreadAllocatedMemoryEnabled(true);
            }
            return new ThreadAllocations(t);
        } catch (RuntimeException unsupported) { // UnsupportedOperationException, SecurityException
            return null;
        }
    }

    Map<Long, Long> snapshot() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) { // -1: the thread died between the two calls
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }

    /**
     * Bytes allocated between two snapshots by the threads alive at the second one, except {@code ignoredThread}.
     * A thread absent from the first snapshot started in between and counts from 0.
     */
    static long allocatedBetween(Map<Long, Long> before, Map<Long, Long> after, long ignoredThread) {
        long total = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            if (e.getKey() != ignoredThread) {
                total += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
            }
        }
        return total;
    }
}
