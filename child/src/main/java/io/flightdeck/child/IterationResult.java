package io.flightdeck.child;

/**
 * One measured iteration.
 *
 * @param index        0-based within its fork
 * @param operations   operations completed
 * @param wallNanos    wall time of the iteration, all threads
 * @param activeNanos  wall time minus the mean time a worker spent in untimed preparation
 * @param meanNanos    mean latency of its operations: the sample later statistical comparisons use
 * @param opsPerSecond operations / active time
 * @param p50Nanos     the iteration's median latency
 * @param p90Nanos     its 90th percentile
 * @param p99Nanos     its 99th percentile
 * @param allocatedBytes bytes the worker threads allocated during the iteration (untimed preparation included);
 *                     −1 where the JVM does not count per thread
 */
public record IterationResult(int index, long operations, long wallNanos, long activeNanos, double meanNanos,
                              double opsPerSecond, long p50Nanos, long p90Nanos, long p99Nanos, long allocatedBytes) {
}
