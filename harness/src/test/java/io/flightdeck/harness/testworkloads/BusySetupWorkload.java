package io.flightdeck.harness.testworkloads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import io.flightdeck.api.Scale;
import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * A workload whose set-up burns CPU in a method named to be found, {@link #plantedSetupBurn}, before any iteration:
 * the profile of its measured iterations must not show it, the whole JVM's must. The burn lasts until its thread has
 * used {@link #BURN_NANOS} of CPU, so the sampler sees it on any machine, however fast or busy.
 */
public final class BusySetupWorkload implements Workload {

    public static final String NAME = "test-busy-setup";
    public static final String BURN_METHOD = "plantedSetupBurn";
    static final long BURN_NANOS = 500_000_000L;

    static long sink;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test: a set-up that burns CPU, then cheap operations";
    }

    @Override
    public String operationUnit() {
        return "sum";
    }

    @Override
    public List<WorkloadCase> cases(Scale scale) {
        return List.of(WorkloadCase.ofSize(1_000));
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        sink += plantedSetupBurn();
        long[] values = new long[(int) workloadCase.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 31L + context.seed();
        }
        return new Session() {
            private long total;

            @Override
            public Object operation(int thread) {
                long s = 0;
                for (long v : values) {
                    s += v ^ (s >>> 3);
                }
                total += s; // a field, and the array returned: no Long boxed per operation
                return values;
            }
        };
    }

    /**
     * Spins until this thread has used {@link #BURN_NANOS} of CPU, reading the CPU clock once per million steps: read
     * more often, JFR's sampler on JDK 17 missed nearly every sample of the compiled loop (see MeasuredWindowTest).
     */
    public static long plantedSetupBurn() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + BURN_NANOS;
        long x = 1;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }
}
