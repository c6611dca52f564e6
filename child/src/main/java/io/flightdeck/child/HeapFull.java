package io.flightdeck.child;

/**
 * Why a leak check's case stopped before its duration: its heap was nearly full of live objects at a checkpoint, or
 * it ran out of memory. What was measured until then is kept; the case is not run further (nor any case after it:
 * the heap stays full of what the workload keeps).
 *
 * @param phase        {@link #WARM_UP} or {@link #MEASURE}: when it was found
 * @param iterations   measured iterations done by then (0 when found during warm-up)
 * @param seconds      seconds since the case's first operation (warm-up included)
 * @param usedBytes    in use after full collections at the checkpoint that found it; −1 when it could not be measured
 * @param maxBytes     the most the pool may hold
 * @param pool         what was measured: "heap", or the old generation's pool (e.g. "G1 Old Gen")
 * @param outOfMemory  an {@link OutOfMemoryError} was thrown before a checkpoint could stop the case
 * @param error        the error's line when there was one, else null
 */
public record HeapFull(String phase, int iterations, double seconds, long usedBytes, long maxBytes, String pool,
                       boolean outOfMemory, String error) {

    public static final String WARM_UP = "warm-up";
    public static final String MEASURE = "measure";
}
