package io.flightdeck.harness.testworkloads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/** Keeps a small record of every operation in a static list, as a forgotten listener would: a leak check must fail. */
public final class PlantedLeakWorkload implements Workload {

    /** What each operation leaves behind: the record and its buffer, a few hundred bytes. */
    static final class Receipt {
        final long operation;
        final long[] timings = new long[32];

        Receipt(long operation) {
            this.operation = operation;
        }
    }

    // Why static: the leak outlives every session, like a listener registered on something process-wide
    private static final List<Receipt> RECEIPTS = new ArrayList<>();

    @Override
    public String name() {
        return "test-leak";
    }

    @Override
    public String description() {
        return "test: keeps a receipt of every operation in a static list (a planted leak)";
    }

    /** A planted leak never runs in a suite: only when named. */
    @Override
    public boolean ordinary() {
        return false;
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        return new Session() {
            private long operations;

            @Override
            public Object operation(int thread) {
                // a pause as a real request's work would take: tens of thousands of operations a second, not
                // millions, so that a check of seconds leaks megabytes and never fills the heap
                LockSupport.parkNanos(20_000);
                Receipt r = new Receipt(operations++);
                synchronized (RECEIPTS) {
                    RECEIPTS.add(r);
                }
                return r;
            }
        };
    }
}
