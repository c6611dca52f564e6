package io.flightdeck.engine.workloads;

import java.util.Set;

import io.flightdeck.api.WorkloadContext;

/**
 * {@link MixedLifecycleWorkload} leaking small objects at a chosen rate: a chain of 24-byte {@link Crumb}s that
 * grows by {@value #PARAMETER} bytes per operation on average (default {@value #DEFAULT_BYTES_PER_OPERATION}). It
 * measures what a leak check can catch: the smallest rate it still fails on within its duration.
 */
public final class TrickleLeakWorkload extends MixedLifecycleWorkload {

    public static final String PARAMETER = "leak-bytes-per-op";
    static final double DEFAULT_BYTES_PER_OPERATION = 8;
    /** 1 MiB: beyond it the heap fills in seconds, and a huge rate would keep an operation making crumbs for ever. */
    static final double MAX_BYTES_PER_OPERATION = 1 << 20;
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

    /** A leak planted to be caught: checked only when named, never by default. */
    @Override
    public boolean leakCheckByDefault() {
        return false;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(PARAMETER, EngineStore.PARAMETER);
    }

    @Override
    public void checkParameter(String name, String value) {
        if (PARAMETER.equals(name)) {
            rate(value);
        } else {
            super.checkParameter(name, value);
        }
    }

    @Override
    protected MixedSession.Hook afterEachOperation(WorkloadContext context) {
        double rate = context.parameter(PARAMETER).map(TrickleLeakWorkload::rate).orElse(DEFAULT_BYTES_PER_OPERATION);
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

    private static double rate(String text) {
        try {
            double rate = Double.parseDouble(text);
            if (!(rate >= 0 && rate <= MAX_BYTES_PER_OPERATION)) { // NaN too
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PARAMETER + " '" + text + "': use a number of bytes from 0 to "
                    + (long) MAX_BYTES_PER_OPERATION);
        }
    }
}
