package io.flightdeck.harness.testworkloads;

import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * Allocates on every operation and keeps nothing: the clean subject of a leak check, checked by default (the harness's
 * tests have no other), never part of a suite.
 */
public final class SteadyWorkload implements Workload {

    @Override
    public String name() {
        return "test-steady";
    }

    @Override
    public String description() {
        return "test: builds and drops a small buffer per operation (must not leak)";
    }

    @Override
    public boolean ordinary() {
        return false;
    }

    @Override
    public boolean leakCheckByDefault() {
        return true;
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        return new Session() {
            private long seed = context.seed();

            @Override
            public Object operation(int thread) {
                long[] buffer = new long[32];
                for (int i = 0; i < buffer.length; i++) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    buffer[i] = seed;
                }
                return buffer[(int) (seed >>> 59)];
            }
        };
    }
}
