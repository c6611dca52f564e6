package io.flightdeck.harness.child;

/**
 * One measured iteration.
 *
 * @param index        0-based within its fork
 * @param operations   operations completed
 * @param elapsedNanos wall time of the iteration, all threads
 * @param meanNanos    mean latency of its operations: the sample later statistical comparisons use
 * @param opsPerSecond operations / wall time
 */
public record IterationResult(int index, long operations, long elapsedNanos, double meanNanos, double opsPerSecond) {
}
