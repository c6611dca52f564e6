package io.flightdeck.harness.workload.engine;

import java.util.Set;

import io.flightdeck.harness.workload.WorkloadContext;

/**
 * {@link MixedLifecycleWorkload} leaking small objects at a chosen rate: a chain of 24-byte {@link Crumb}s that
 * grows by {@value #PARAMETER} bytes per operation on average (default {@value #DEFAULT_BYTES_PER_OPERATION}). It
 * measures what a leak check can catch: the smallest rate it still fails on within its duration.
 */
public final class TrickleLeakWorkload extends MixedLifecycleWorkload {

    public static final String PARAMETER = "leak-bytes-per-op";
    static final double DEFAULT_BYTES_PER_OPERATION = 8;
    /** A crumb's size with compressed references: a 12-byte header, a reference and a long. */
    static final int CRUMB_BYTES = 24;

    /** What leaks: each crumb holds the one before, so the chain is never collected. */
    static final class Crumb {
        final Crumb previous;
        final long operation;

        Crumb(Crumb previous, long operation) {
            this.previous = previous;
            this.operation = operation;
        }
    }

    // Why static: a chain that outlives every session, like a listener registered on something process-wide
    private static Crumb newest;

    public TrickleLeakWorkload() {
        super("leak-trickle", "leak-mixed leaking a 24-byte object at a chosen rate (--param " + PARAMETER + "=N,"
                + " default " + (int) DEFAULT_BYTES_PER_OPERATION + "): how small a leak a check catches");
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(PARAMETER);
    }

    @Override
    protected MixedSession.Hook afterEachOperation(WorkloadContext context) {
        double rate = rate(context);
        double[] owed = {0};
        long[] operations = {0};
        return (episode, source) -> {
            owed[0] += rate;
            operations[0]++;
            while (owed[0] >= CRUMB_BYTES) { // whole crumbs, spread evenly over the operations
                newest = new Crumb(newest, operations[0]);
                owed[0] -= CRUMB_BYTES;
            }
        };
    }

    private static double rate(WorkloadContext context) {
        String text = context.parameter(PARAMETER).orElse(null);
        if (text == null) {
            return DEFAULT_BYTES_PER_OPERATION;
        }
        try {
            double rate = Double.parseDouble(text);
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PARAMETER + " '" + text + "': use a number of bytes ≥ 0");
        }
    }
}
