package io.flightdeck.harness.testworkloads;

import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/** Throws on its 100th operation: a workload with a bug. */
public final class ThrowingWorkload implements Workload {

    public static final String MESSAGE = "planted failure after 100 operations";

    @Override
    public String name() {
        return "test-throws";
    }

    /** A failure to show, not a measurement: runs only when named. */
    @Override
    public boolean ordinary() {
        return false;
    }

    @Override
    public String description() {
        return "test: throws IllegalStateException on its 100th operation";
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        return new Session() {
            private int count;

            @Override
            public Object operation(int thread) {
                if (++count == 100) {
                    throw new IllegalStateException(MESSAGE);
                }
                return count;
            }
        };
    }
}
