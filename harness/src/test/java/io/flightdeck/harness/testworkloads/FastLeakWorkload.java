package io.flightdeck.harness.testworkloads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * Keeps a 1 KiB block of every operation in a static list: a leak fast enough to fill a small heap (tens of MB) in
 * seconds, long before a leak check's duration ends. The check must stop early and fail, naming the block.
 */
public final class FastLeakWorkload implements Workload {

    /** What each operation leaves behind: a 1 KiB buffer inside a small record. */
    static final class Block {
        final byte[] payload = new byte[1024];
    }

    // Why static: the leak outlives the session, as a process-wide registry's would
    private static final List<Block> BLOCKS = new ArrayList<>();

    @Override
    public String name() {
        return "test-fast-leak";
    }

    @Override
    public String description() {
        return "test: keeps 1 KiB of every operation in a static list, filling a small heap in seconds";
    }

    /** A planted leak never runs in a suite: only when named. */
    @Override
    public boolean ordinary() {
        return false;
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        return new Session() {
            @Override
            public Object operation(int thread) {
                // a pause as a slow backend would cost: some thousands of operations a second, megabytes a second
                LockSupport.parkNanos(50_000);
                Block b = new Block();
                synchronized (BLOCKS) {
                    BLOCKS.add(b);
                }
                return b;
            }
        };
    }
}
