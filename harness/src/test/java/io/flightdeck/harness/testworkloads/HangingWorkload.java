package io.flightdeck.harness.testworkloads;

import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/** Its first operation never returns (and ignores interrupts): only the time limit ends it. */
public final class HangingWorkload implements Workload {

    @Override
    public String name() {
        return "test-hang";
    }

    /** A failure to show, not a measurement: runs only when named. */
    @Override
    public boolean ordinary() {
        return false;
    }

    @Override
    public String description() {
        return "test: its first operation never returns";
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        return thread -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // a hung workload does not cooperate
                }
            }
        };
    }
}
