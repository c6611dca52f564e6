package io.flightdeck.harness.check;

/**
 * One limit: metric {@code metric} of workload {@code workload} stays on the {@code bound} side of {@code limit}.
 *
 * @param workload  the workload's name, e.g. {@code episode-creation}
 * @param caseLabel the one case it applies to (e.g. {@code size=10000}), or {@code null} for every case
 * @param metric    {@code p95}, {@code throughput}, {@code retained-bytes-per-episode}, ...
 * @param bound     whether the metric must stay below ({@link Bound#MAX}) or above ({@link Bound#MIN}) the limit
 * @param limit     in base units: nanoseconds, operations per second or bytes, as {@code unit} says
 * @param unit      what the limit and the measured value count
 * @param note      the file's free-text remark, or {@code null}
 */
public record Budget(String workload, String caseLabel, String metric, Bound bound, double limit, UnitKind unit,
                     String note) {

    public Budget {
        if (workload == null || workload.isBlank() || metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("a budget needs a workload and a metric");
        }
        if (caseLabel != null && caseLabel.isBlank()) {
            throw new IllegalArgumentException("a budget's case is null (every case) or a label, not blank");
        }
        if (bound == null || unit == null) {
            throw new IllegalArgumentException("a budget needs a bound and a unit kind");
        }
        if (!Double.isFinite(limit) || limit < 0) {
            throw new IllegalArgumentException("a budget's limit must be finite and ≥ 0, got " + limit);
        }
    }

    /** Whether this budget judges the given case of its workload. */
    public boolean appliesToCase(String label) {
        return caseLabel == null || caseLabel.equals(label);
    }
}
