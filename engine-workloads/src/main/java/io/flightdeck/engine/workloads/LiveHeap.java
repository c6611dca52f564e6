package io.flightdeck.engine.workloads;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The live heap of this JVM: what stays in use once the collector has freed all it can. A copy of the harness's own
 * (which its child runner uses for checkpoints): a workload must not need the harness's internals, and thirty lines
 * are not worth an API of their own.
 */
final class LiveHeap {

    private LiveHeap() {
    }

    /**
     * Used heap after full collections, repeated until it stops shrinking, because one {@code System.gc()} may
     * leave garbage that finalisation or reference processing frees in the next. Every collector the harness
     * offers treats {@code System.gc()} as a full collection (unless a user adds -XX:+DisableExplicitGC, which
     * turns this into a plain reading of the used heap).
     */
    public static long afterFullGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = memory.getHeapMemoryUsage().getUsed();
            if (used >= previous - previous / 100) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
