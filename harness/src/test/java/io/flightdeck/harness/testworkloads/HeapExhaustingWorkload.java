package io.flightdeck.harness.testworkloads;

import java.util.ArrayList;
import java.util.List;

import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/** Keeps every megabyte it allocates: runs out of heap. */
public final class HeapExhaustingWorkload implements Workload {

    @Override
    public String name() {
        return "test-oom";
    }

    /** A failure to show, not a measurement: runs only when named. */
    @Override
    public boolean ordinary() {
        return false;
    }

    @Override
    public String description() {
        return "test: retains 1 MiB per operation until the heap is exhausted";
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        return new Session() {
            private final List<byte[]> retained = new ArrayList<>();

            @Override
            public Object operation(int thread) {
                return retained.add(new byte[1 << 20]);
            }
        };
    }
}
