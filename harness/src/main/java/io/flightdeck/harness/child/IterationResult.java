package io.flightdeck.harness.child;

/**
 * One measured iteration.
 *
 * @param index        0-based within its fork
 * @param operations   operations completed
 * @param wallNanos    wall time of the iteration, all threads
 * @param activeNanos  wall time minus the mean time a worker spent in untimed preparation
 * @param meanNanos    mean latency of its operations: the sample later statistical comparisons use
 * @param opsPerSecond operations / active time
 */
public record IterationResult(int index, long operations, long wallNanos, long activeNanos, double meanNanos,
                              double opsPerSecond) {
}
