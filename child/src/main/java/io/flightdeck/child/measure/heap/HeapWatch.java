package io.flightdeck.child.measure.heap;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

/**
 * Watches how full this JVM's heap is, for a leak check that must stop before a fast leak runs it out of memory.
 *
 * <p>Two signals. The deciding one is {@link #fill()}, read right after the full collections of a checkpoint: what
 * stays then is live, so a heap found {@linkplain #NEARLY_FULL nearly full} there is full of what the workload keeps.
 * The other is a hint between checkpoints: the JVM's own collection-usage threshold on the pool that holds
 * long-lived objects (G1 Old Gen, PS Old Gen, Tenured Gen, ZHeap...), raised after any collection that leaves that
 * pool above the same fraction. It may count garbage a young collection has not reached yet, so it never decides:
 * it only asks for a checkpoint now rather than at the end of the iteration, when a leak of megabytes a second may
 * already have exhausted the heap.
 */
public final class HeapWatch implements AutoCloseable {

    /**
     * 80 % of the maximum, after full collections: a heap that full of live objects leaves the collector too little
     * room to work (it runs back-to-back full collections long before it throws), and the rest is what the child
     * still needs to stop cleanly: to write its result and let JFR walk its old-object samples to their GC roots.
     * Nothing that does not leak holds that much of a leak check's heap for long (the default is 1 GiB).
     */
    public static final double NEARLY_FULL = 0.80;

    private final MemoryPoolMXBean tenured;
    private final AtomicBoolean pressure = new AtomicBoolean();
    private final NotificationEmitter emitter;
    private final NotificationListener listener;

    private HeapWatch(MemoryPoolMXBean tenured) {
        this.tenured = tenured;
        this.emitter = tenured == null ? null : (NotificationEmitter) ManagementFactory.getMemoryMXBean();
        this.listener = (notification, handback) -> {
            if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
                pressure.set(true);
            }
        };
        if (tenured != null) {
            emitter.addNotificationListener(listener, null, null);
            tenured.setCollectionUsageThreshold(limit(tenured.getUsage().getMax()));
        }
    }

    /** Starts watching; without a pool that supports collection-usage thresholds, only {@link #fill()} watches. */
    public static HeapWatch start() {
        MemoryPoolMXBean tenured = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()
                        && p.getUsage().getMax() > 0)
                .max(Comparator.comparingLong(p -> p.getUsage().getMax())) // the old generation is the largest
                .orElse(null);
        return new HeapWatch(tenured);
    }

    /** Whether a collection left the old generation nearly full since the last {@link #clearPressure()}. */
    public boolean pressure() {
        return pressure.get();
    }

    /** Forgets the hint, once a checkpoint has measured what it was about. */
    public void clearPressure() {
        pressure.set(false);
    }

    /**
     * How full the heap is now; meant right after {@link LiveHeap#afterFullGc()}. The fuller of the old generation
     * (which the young generation cannot spill into under Parallel or Serial: it fills before the whole heap does)
     * and the whole heap.
     */
    public Fill fill() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Fill heap = new Fill(used, Runtime.getRuntime().maxMemory(), "heap");
        if (tenured == null) {
            return heap;
        }
        Fill old = new Fill(tenured.getUsage().getUsed(), tenured.getUsage().getMax(), tenured.getName());
        return old.fraction() > heap.fraction() ? old : heap;
    }

    static long limit(long max) {
        return (long) (max * NEARLY_FULL);
    }

    @Override
    public void close() {
        if (tenured == null) {
            return;
        }
        tenured.setCollectionUsageThreshold(0); // 0 turns the threshold off
        try {
            emitter.removeNotificationListener(listener);
        } catch (ListenerNotFoundException e) {
            // already gone: nothing to undo
        }
    }

    /**
     * @param usedBytes what is in use
     * @param maxBytes  the most it may grow to
     * @param pool      "heap", or the memory pool measured (e.g. "G1 Old Gen")
     */
    public record Fill(long usedBytes, long maxBytes, String pool) {

        public double fraction() {
            return maxBytes <= 0 ? 0 : (double) usedBytes / maxBytes;
        }

        public boolean nearlyFull() {
            return fraction() >= NEARLY_FULL;
        }
    }
}
