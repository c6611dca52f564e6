package io.flightdeck.harness.results;

import java.time.Instant;
import java.util.List;

import io.flightdeck.harness.compare.SyntheticRuns;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.report.RunReport;

/** Made-up runs and records for the store's tests. */
public final class StoredRuns {

    private StoredRuns() {
    }

    /** A one-workload report of the given id and start, its mean latency {@code meanNanos}. */
    public static RunReport report(String id, Instant startedAt, double meanNanos) {
        RunReport r = SyntheticRuns.run(meanNanos, 0);
        return new RunReport(r.schemaVersion(), r.tool(), id, startedAt, startedAt.plusSeconds(60), 60, r.settings(),
                r.environment(), r.noise(), r.workloads(), r.budgets(), r.leakChecks(), r.verdict(), r.exitCode());
    }

    /** A record of run {@code id} on machine {@code fingerprint}, with two figures. */
    public static HistoryEntry entry(String id, Instant time, String fingerprint, double p95) {
        return new HistoryEntry(HistoryEntry.SCHEMA_VERSION, HistoryEntry.RUN, id, time, "abc123", "quick",
                fingerprint, "a machine of " + fingerprint, "passed", List.of(
                new HistoryEntry.Point("w", "default", "p95", p95, "ns", false),
                new HistoryEntry.Point("w", "default", "throughput", 1e9 / p95, "op/s", true)));
    }
}
