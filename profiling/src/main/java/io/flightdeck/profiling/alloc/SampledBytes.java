package io.flightdeck.profiling.alloc;

/**
 * The bytes one allocation sample of the JVM's heap sampler (JVMTI {@code SampledObjectAlloc}, what async-profiler's
 * allocation sampler uses) stands for.
 *
 * <p>The JVM picks sample points as a Poisson process over the bytes allocated, with a mean distance of the sampling
 * interval {@code I}, and reports the object a point falls in. An object of {@code s} bytes is therefore sampled
 * with probability {@code 1 - exp(-s/I)}, and the unbiased (Horvitz–Thompson) weight of a sample is {@code s}
 * divided by that probability. async-profiler writes {@code max(s, I)} instead, which is right only for objects far
 * smaller or far larger than the interval: an object of about the interval's size is under-weighted by up to 37 %
 * (at {@code s = I} the true weight is {@code 1.58 I}), so sites that allocate buffers of that size lose share to
 * sites of small objects.
 */
public final class SampledBytes {

    private SampledBytes() {
    }

    /**
     * The bytes a sampled object of {@code size} bytes stands for, sampled at a mean {@code interval} of bytes;
     * {@code size} itself when the interval is not known (0 or less).
     */
    public static double weight(long size, long interval) {
        if (size <= 0) {
            return 0;
        }
        if (interval <= 0) {
            return size;
        }
        double x = (double) size / interval;
        // 1 - exp(-x) without losing the small x of a tiny object; the weight then tends to the interval
        return size / -Math.expm1(-x);
    }

    /**
     * The sampling interval async-profiler's event tells, or 0: it writes {@code max(size, interval)} as the event's
     * TLAB size, so an event whose TLAB size exceeds its object's size carries the interval itself.
     */
    public static long intervalFrom(long objectSize, long writtenWeight) {
        return writtenWeight > objectSize ? writtenWeight : 0;
    }
}
