package io.flightdeck.child;

/**
 * How many warm-up iterations a case runs: {@code planned} at least, and while the JIT still compiles or the
 * iterations still get faster, more, up to {@code cap}. Counted in longs: {@code --warmup 500000000} on a JVM-cold
 * case asks for 3.5 billion at most, which an int would turn negative (and so into no warm-up at all).
 *
 * @param planned the iterations always run: the option's count, twice for the JVM-cold first case (it also warms
 *                the JIT for the cases after it)
 * @param cap     the most that run: planned plus 5 times the option's count when JVM-cold, else 2 times
 */
record WarmupPlan(long planned, long cap) {

    WarmupPlan {
        if (planned < 0 || cap < planned) {
            throw new IllegalArgumentException("a warm-up plan needs 0 ≤ planned ≤ cap, got " + planned + ", " + cap);
        }
    }

    static WarmupPlan of(int warmupIterations, boolean jvmCold) {
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("warm-up iterations must not be negative, got " + warmupIterations);
        }
        long planned = (jvmCold ? 2L : 1L) * warmupIterations;
        return new WarmupPlan(planned, planned + (jvmCold ? 5L : 2L) * warmupIterations);
    }

    /** The progress display's "n of m": the planned count until it is run, then the cap. */
    long shownTotal(long done) {
        return done < planned ? planned : cap;
    }
}
