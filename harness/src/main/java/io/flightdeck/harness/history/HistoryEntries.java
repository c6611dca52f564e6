package io.flightdeck.harness.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.flightdeck.child.CaseResult;
import io.flightdeck.harness.env.Environment;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

/** A run's history record: its headline figures per case, and a leak check's slope per workload. */
public final class HistoryEntries {

    /** The latency figures a history keeps per case, in nanoseconds. */
    static final List<String> LATENCIES = List.of("p50", "p95", "p99", "mean");
    static final String THROUGHPUT = "throughput";

    private HistoryEntries() {
    }

    public static HistoryEntry of(RunReport report, String commit) {
        List<HistoryEntry.Point> points = new ArrayList<>();
        for (WorkloadReport w : report.workloads()) {
            for (CaseReport c : w.cases()) {
                if (c.latency() != null && c.latency().count() > 0) {
                    for (String m : LATENCIES) {
                        double value = c.latency().metric(m);
                        if (Double.isFinite(value)) { // a mean-only case (JMH's avgt, thrpt) has no percentiles
                            points.add(new HistoryEntry.Point(w.name(), c.label(), m, value, "ns", false));
                        }
                    }
                    if (Double.isFinite(c.throughput())) { // NaN is "not measured": no figure to keep
                        points.add(new HistoryEntry.Point(w.name(), c.label(), THROUGHPUT, c.throughput(), "op/s",
                                true));
                    }
                }
                for (CaseResult.Metric m : c.metrics()) {
                    if (Double.isFinite(m.value())) {
                        points.add(new HistoryEntry.Point(w.name(), c.label(), m.name(), m.value(), m.unit(), false));
                    }
                }
            }
        }
        for (LeakCheckReport l : report.leakChecks()) {
            if (l.checkpoints() != null && l.checkpoints().perOperation() != null) {
                points.add(new HistoryEntry.Point(l.workload(), l.caseLabel(), "leak-bytes-per-op",
                        l.checkpoints().perOperation().slope(), "B", false));
            }
        }
        Environment env = report.environment();
        return new HistoryEntry(HistoryEntry.SCHEMA_VERSION, HistoryEntry.RUN, report.runId(),
                report.startedAt() == null ? Instant.now() : report.startedAt(), commit,
                report.settings() == null ? null : report.settings().suite(),
                env == null ? null : env.fingerprint(), machine(env), report.verdict(), points);
    }

    /** "Intel(R) Xeon(R) 2 cores, Eclipse Adoptium 17.0.17". */
    public static String machine(Environment env) {
        if (env == null) {
            return null;
        }
        String cpu = env.cpu() == null ? "?" : env.cpu().model() + ", " + env.cpu().logicalCores() + " cores";
        String jvm = env.jvm() == null ? "?" : env.jvm().vendor() + " " + env.jvm().version();
        return String.format(Locale.ROOT, "%s; %s", cpu, jvm);
    }
}
