package io.flightdeck.child;

import java.lang.ref.WeakReference;

/**
 * Swallows what {@link io.flightdeck.api.Session#operation} returns so that the JIT cannot prove it unused, after
 * JMH's {@code Blackhole}: every value is read and compared, and now and then (on a pseudo-random schedule the
 * compiler cannot predict) published to a field. Without it an operation whose result nobody reads may be compiled
 * away, and the harness would time the cost of doing nothing. One per worker thread, so that consuming costs a few
 * nanoseconds and never contends.
 */
final class ResultConsumer {

    private int random;
    /** Volatile, as in JMH: the read is a barrier the compiler may not sink the result's computation past. */
    private volatile int mask = 1;
    /** Where the occasional value escapes to; weak, so that consuming never keeps a result alive. */
    private WeakReference<Object> escaped;

    ResultConsumer(int seed) {
        this.random = seed | 1;
    }

    void consume(Object result) {
        int m = mask;
        int next = random * 1_664_525 + 1_013_904_223; // a linear congruential step: cheap and opaque to the JIT
        random = next;
        if ((next & m) == 0) {
            escaped = new WeakReference<>(result);
            mask = (m << 1) + 1; // ever rarer, so the allocation above stays off the profile
        }
    }

    /** For tests: whether any value escaped so far. */
    boolean escapedAny() {
        return escaped != null;
    }
}
