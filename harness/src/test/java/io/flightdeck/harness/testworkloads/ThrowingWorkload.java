package io.flightdeck.harness.testworkloads;

import io.flightdeck.harness.workload.Session;
import io.flightdeck.harness.workload.Workload;
import io.flightdeck.harness.workload.WorkloadCase;
import io.flightdeck.harness.workload.WorkloadContext;

/** Throws on its 100th operation: a workload with a bug. */
public final class ThrowingWorkload implements Workload {

    public static final String MESSAGE = "planted failure after 100 operations";

    @Override
    public String name() {
        return "test-throws";
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
            public void operation(int thread) {
                if (++count == 100) {
                    throw new IllegalStateException(MESSAGE);
                }
            }
        };
    }
}
