package io.flightdeck.harness.check;

/**
 * One measured figure of a run.
 *
 * @param workload  e.g. {@code retrieval-scaling}
 * @param caseLabel e.g. {@code default}, {@code size=1000}, {@code threads=4}
 * @param metric    e.g. {@code p95} (nanoseconds), {@code throughput} (per second),
 *                  {@code retained-bytes-per-episode} (bytes)
 * @param value     in the metric's base unit; NaN when the run could not produce it
 */
public record Measurement(String workload, String caseLabel, String metric, double value) {

    public Measurement {
        if (workload == null || caseLabel == null || metric == null) {
            throw new IllegalArgumentException("a measurement needs a workload, a case label and a metric");
        }
    }
}
