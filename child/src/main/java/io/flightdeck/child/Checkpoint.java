package io.flightdeck.child;

import java.time.Instant;

/**
 * The live heap of a leak check's child at one point of a case, measured after a full collection: the seed's
 * baseline-versus-later check, taken at every measured iteration so that a trend can be fitted through it.
 *
 * @param iterations    measured iterations done when it was taken; 0 is the baseline, before the first
 * @param operations    operations measured so far in the case
 * @param seconds       seconds since the baseline (checkpoint pauses included: a leak in time keeps leaking)
 * @param at            when it was taken, to line it up with the recording
 * @param liveHeapBytes heap in use after full collections
 * @param retainedBytes what the session's subject (the engine) retains, weighed with JOL; null when it was not
 *                      weighed at this checkpoint (weighing is slow, so only some are) or cannot be
 * @param storedItems   items the subject holds (stored episodes), null when it does not count them
 */
public record Checkpoint(int iterations, long operations, double seconds, Instant at, long liveHeapBytes,
                         Long retainedBytes, Long storedItems) {
}
