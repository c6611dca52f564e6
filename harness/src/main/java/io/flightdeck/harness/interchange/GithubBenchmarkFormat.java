package io.flightdeck.harness.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

/**
 * A run as github-action-benchmark's custom tools read it: a JSON array of {@code {name, unit, value, range,
 * extra}}. {@code customSmallerIsBetter} gets the latencies (p50, p95, p99 per case, in µs); {@code
 * customBiggerIsBetter} the throughputs (operations per second per case). Names are stable across runs
 * ("lifecycle default p95") so the action can chart each one.
 */
public final class GithubBenchmarkFormat {

    /** One point as the action reads it; {@code range} and {@code extra} are optional. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String name, String unit, double value, String range, String extra) {
    }

    private GithubBenchmarkFormat() {
    }

    /** For {@code tool: customSmallerIsBetter}: latencies in microseconds. */
    public static List<Entry> smallerIsBetter(RunReport report) {
        List<Entry> out = new ArrayList<>();
        for (WorkloadReport w : report.workloads()) {
            for (CaseReport c : measured(w)) {
                for (String p : List.of("p50", "p95", "p99")) {
                    out.add(new Entry(w.name() + " " + c.label() + " " + p, "us",
                            c.latency().metric(p) / 1_000.0, null, extra(report, c)));
                }
            }
        }
        return out;
    }

    /** For {@code tool: customBiggerIsBetter}: throughput in operations per second. */
    public static List<Entry> biggerIsBetter(RunReport report) {
        List<Entry> out = new ArrayList<>();
        for (WorkloadReport w : report.workloads()) {
            for (CaseReport c : measured(w)) {
                out.add(new Entry(w.name() + " " + c.label() + " throughput", c.operationUnit() + "/s",
                        c.throughput(), null, extra(report, c)));
            }
        }
        return out;
    }

    private static List<CaseReport> measured(WorkloadReport w) {
        return w.cases().stream().filter(c -> c.latency() != null && c.latency().count() > 0).toList();
    }

    private static String extra(RunReport r, CaseReport c) {
        return String.format(Locale.ROOT, "run %s, %d operations in %d iterations", r.runId(), c.latency().count(),
                c.iterations().size());
    }
}
