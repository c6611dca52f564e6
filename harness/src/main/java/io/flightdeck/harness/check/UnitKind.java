package io.flightdeck.harness.check;

import java.util.Set;

/** What a metric's value counts, which decides both the units a budget may use for it and how it is printed. */
public enum UnitKind {

    /** Nanoseconds. */
    DURATION("a duration (ns, us, µs, ms, s)"),
    /** Operations per second. */
    RATE("a rate (N/s)"),
    /** Bytes. */
    BYTES("a size (B, KB, KiB, MB, MiB, GB, GiB)"),
    /** A count without unit. */
    NUMBER("a plain number");

    /** The latency metrics a run reports for every case, all in nanoseconds. */
    public static final Set<String> LATENCY_METRICS = Set.of("p50", "p90", "p95", "p99", "p99.9", "max", "mean");

    /** The rate metric a run reports for every case, in operations per second. */
    public static final String THROUGHPUT = "throughput";

    private final String description;

    UnitKind(String description) {
        this.description = description;
    }

    /** For error messages: "a duration (ns, us, µs, ms, s)". */
    public String description() {
        return description;
    }

    /**
     * The kind a metric is measured in, judged by its name: the latency names are durations, {@code throughput} a
     * rate, a workload-specific name mentioning "bytes" a size, anything else a plain number (which a budget may
     * still give as a size or a rate).
     */
    public static UnitKind forMetric(String metric) {
        if (LATENCY_METRICS.contains(metric)) {
            return DURATION;
        }
        if (THROUGHPUT.equals(metric)) {
            return RATE;
        }
        if (metric.contains("bytes")) {
            return BYTES;
        }
        return NUMBER;
    }
}
