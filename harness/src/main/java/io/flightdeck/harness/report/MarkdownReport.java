package io.flightdeck.harness.report;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.graphs.FlameGraphFiles;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.child.CaseResult;
import io.flightdeck.harness.env.EnvironmentText;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.measure.footprint.Footprint;
import io.flightdeck.harness.text.MarkdownText;
import io.flightdeck.harness.text.TerminalText;
import io.flightdeck.profiling.Ranked;

/** {@code report.md}: the run in the seed's table style, short enough for a pull-request comment. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(RunReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Flightdeck run ").append(escape(r.runId())).append("\n\n");
        md.append(verdictLine(r)).append(" — suite ").append(MarkdownText.code(r.settings().suite()))
                .append(r.settings().parameters().isEmpty() ? ""
                        : ", parameters " + MarkdownText.code(ReportParameters.text(r.settings().parameters())))
                .append(", ")
                .append(r.workloads().size()).append(" workloads")
                .append(r.leakChecks().isEmpty() ? "" : " and " + r.leakChecks().size() + " leak check(s)")
                .append(" in ")
                .append(String.format(Locale.ROOT, "%.0f s", r.durationSeconds())).append(", started ")
                .append(r.startedAt()).append(".\n\n");
        if (r.noise() != null && !r.noise().warnings().isEmpty()) {
            md.append("> ⚠️ **The machine was not quiet:**\n");
            r.noise().warnings().forEach(w -> md.append("> - ").append(escape(w)).append('\n'));
            md.append('\n');
        }

        List<String> notes = SummaryTable.measurementWarnings(r);
        if (!notes.isEmpty()) {
            md.append("> **Read with care:**\n");
            notes.forEach(n -> md.append("> - ").append(escape(n)).append('\n'));
            md.append('\n');
        }
        if (!r.workloads().isEmpty()) {
            md.append("## Summary\n\n");
            table(md, SummaryTable.HEADER, SummaryTable.rows(r));
            r.workloads().stream().map(SummaryTable::scaling).filter(s -> s != null)
                    .forEach(s -> md.append("\n").append(escape(s)).append('\n'));
        }
        leakChecks(md, r);

        if (!r.budgets().isEmpty()) {
            md.append("\n## Budgets\n\n");
            table(md, List.of("Workload", "Case", "Metric", "Target", "Actual", "Status", "Margin"),
                    r.budgets().stream().map(v -> List.of(v.workload(), v.caseLabel(), v.metric(),
                            BudgetFormat.target(v), BudgetFormat.measured(v), v.status().symbol(),
                            BudgetFormat.margin(v))).toList());
        }

        List<WorkloadReport> failed = r.workloads().stream().filter(w -> RunReport.FAILED.equals(w.status())).toList();
        if (!failed.isEmpty()) {
            md.append("\n## Failed workloads\n\n");
            for (WorkloadReport w : failed) {
                md.append("- **").append(escape(w.name())).append("**: ").append(escape(w.failure())).append('\n');
                for (ForkReport f : w.forks()) {
                    if (f.failure() != null) {
                        md.append("  - fork ").append(f.fork()).append(": exit code ")
                                .append(f.exitCode() == null ? "none (stopped)" : f.exitCode())
                                .append(f.recording() == null ? ", no recording"
                                        : ", recording " + MarkdownText.code(f.recording()))
                                .append('\n');
                        if (!f.stderrTail().isEmpty()) {
                            md.append('\n');
                            MarkdownText.codeBlock("text", f.stderrTail().subList(
                                    Math.max(0, f.stderrTail().size() - 10), f.stderrTail().size())).lines()
                                    .forEach(l -> md.append("    ").append(l).append('\n'));
                            md.append('\n');
                        }
                    }
                }
            }
        }

        profiles(md, r);

        List<List<String>> figures = r.workloads().stream()
                .flatMap(w -> w.cases().stream().flatMap(c -> c.metrics().stream()
                        .map(m -> List.of(w.name(), c.label(), m.name(), metric(m)))))
                .toList();
        if (!figures.isEmpty()) { // only workloads that report figures of their own have any
            md.append("\n## Workload figures\n\n");
            table(md, List.of("Workload", "Case", "Metric", "Value"), figures);
        }

        footprints(md, r);

        md.append("\n## Cold start, warm-up and outliers\n\n");
        table(md, List.of("Workload", "Case", "First op", "Mean of first ops", "Warm-up iterations",
                        "JIT during measurement", "Outlying iterations"),
                r.workloads().stream().flatMap(w -> w.cases().stream().map(c -> List.of(w.name(), c.label(),
                        c.coldStart() == null ? "—" : SummaryTable.duration(c.coldStart().firstNanos())
                                + (c.coldStart().jvmCold() ? " (cold JVM)" : ""),
                        c.coldStart() == null ? "—" : SummaryTable.duration(c.coldStart().meanNanos())
                                + " over " + c.coldStart().operations(),
                        String.valueOf(c.warmupIterations()), c.jitMillisDuringMeasurement() + " ms",
                        c.outliers().count() + " of " + c.iterations().size()))).toList());

        md.append("\n## Environment\n\n");
        if (r.environment() != null) {
            // an indented code block: the text stays as it is, and no line of it can leave the block
            EnvironmentText.lines(r.environment())
                    .forEach(l -> md.append("    ").append(TerminalText.safe(l)).append('\n'));
        }
        md.append("\nRecordings, per-workload results and `report.json` are in the run folder.\n");
        return md.toString();
    }

    /** Suspects report.md lists for a failed leak check. */
    static final int SUSPECTS_SHOWN = 5;

    private static void leakChecks(StringBuilder md, RunReport r) {
        if (r.leakChecks().isEmpty()) {
            return;
        }
        md.append("\n## Leak checks\n\n");
        for (LeakCheckReport check : r.leakChecks()) {
            md.append("**").append(escape(LeakCheckText.headline(check))).append("**\n\n");
            LeakCheckText.evidence(check).forEach(e -> md.append("- ").append(escape(e.get(0))).append(": ")
                    .append(escape(e.get(1))).append('\n'));
            if (check.failed() && !check.suspects().isEmpty()) {
                md.append("\nSuspects, the objects JFR's old-object sampler found alive at the end:\n\n")
                        .append(MarkdownText.codeBlock("text", LeakCheckText.suspects(check, SUSPECTS_SHOWN)));
            }
            if (check.recordingFile() != null) {
                md.append("\nRecording ").append(MarkdownText.code(check.recordingFile()));
                check.flameGraphs().forEach(g -> md.append(", ").append(MarkdownText.link(FlameGraphFiles.label(g), g)));
                md.append(".\n");
            }
            md.append('\n');
        }
    }

    /** The headline of each workload's recording; the whole analysis is in analysis.json beside it. */
    private static void profiles(StringBuilder md, RunReport r) {
        List<WorkloadReport> profiled = r.workloads().stream().filter(w -> w.profile() != null).toList();
        if (profiled.isEmpty()) {
            return;
        }
        md.append("\n## Profiles (JFR)\n\n");
        table(md, List.of("Workload", "Hottest method (self)", "Top allocation site", "Allocation rate", "GC pauses",
                "Post-GC heap trend", "Blocked"), profiled.stream().map(w -> {
                    ProfileHeadline p = w.profile();
                    if (p.analysis() == null) {
                        return List.of(w.name(), String.join("; ", p.warnings()), "", "", "", "", "");
                    }
                    return List.of(w.name(), first(p.hotMethods()), first(p.allocationSites()),
                            BudgetFormat.measured(UnitKind.BYTES, p.allocationBytesPerSecond()) + "/s",
                            p.gcPauses() + ", total " + BudgetFormat.measured(UnitKind.DURATION, p.gcPauseTotalNanos())
                                    + ", max " + BudgetFormat.measured(UnitKind.DURATION, p.gcPauseMaxNanos()),
                            p.postGcHeapSlope() == null ? "—"
                                    : BudgetFormat.measured(UnitKind.BYTES, p.postGcHeapSlope()) + "/s",
                            BudgetFormat.measured(UnitKind.DURATION, p.blockedNanos()));
                }).toList());
        List<String> graphs = profiled.stream().filter(w -> w.profile().flameGraphs() != null
                && !w.profile().flameGraphs().isEmpty()).map(w -> escape(w.name()) + ": " + w.profile().flameGraphs()
                        .stream().map(p -> MarkdownText.link(FlameGraphFiles.label(p), p))
                        .collect(java.util.stream.Collectors.joining(" · ")))
                .toList();
        List<String> windows = profiled.stream().filter(w -> w.profile().window() != null)
                .map(w -> escape(w.name()) + ": " + escape(w.profile().window())).toList();
        if (!windows.isEmpty()) {
            md.append("\nAnalysed (`--whole-jvm` for the whole JVM):\n\n");
            windows.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        if (!graphs.isEmpty()) {
            md.append("\nFlame graphs (open in a browser; self-contained, work offline):\n\n");
            graphs.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        List<String> ruleWarnings = profiled.stream().filter(w -> w.profile().ruleWarnings() != null)
                .flatMap(w -> w.profile().ruleWarnings().stream().map(m -> w.name() + ": " + m)).toList();
        if (!ruleWarnings.isEmpty()) {
            md.append("\nJMC rule warnings:\n\n");
            ruleWarnings.forEach(m -> md.append("- ").append(escape(m)).append('\n'));
        }
    }

    private static String first(List<Ranked> rows) {
        return rows.isEmpty() ? "—"
                : String.format(Locale.ROOT, "%s (%.1f %%)", rows.get(0).name(), rows.get(0).percent());
    }

    /** JOL footprints, from whichever case reported them in its details (the memory-pressure workload does). */
    private static void footprints(StringBuilder md, RunReport r) {
        Footprints.of(r).ifPresent(found -> {
            Footprint f = found.footprint();
            md.append("\n## Footprint (JOL, from ").append(escape(found.workload())).append(")\n\n");
            table(md, List.of("Object", "Retained", "Objects"), f.episodes().stream().map(e -> List.of(
                    "completed episode, " + e.steps() + " steps",
                    BudgetFormat.measured(UnitKind.BYTES, e.retainedBytes()),
                    String.format(Locale.ROOT, "%,d", e.objectCount()))).toList());
            if (f.engine() != null) {
                md.append(String.format(Locale.ROOT, "%nIn-memory engine: %s per stored episode (%,d episodes of %d steps).%n",
                        BudgetFormat.measured(UnitKind.BYTES, f.engine().bytesPerEpisode()), f.engine().episodes(),
                        f.engine().stepsPerEpisode()));
            }
            md.append('\n');
            table(md, List.of("Class", "Instance size", "Fields", "Lost to padding"), f.layouts().stream()
                    .map(l -> List.of(l.className(), l.instanceSize() + " B", String.valueOf(l.fields().size()),
                            l.lossesBytes() + " B"))
                    .toList());
            if (f.vm() != null) {
                md.append(String.format(Locale.ROOT,
                        "%nSizes for %d-byte references, compressed oops %s, %d-byte object alignment, %d-byte headers.%n",
                        f.vm().referenceSizeBytes(), f.vm().compressedOops() ? "on" : "off",
                        f.vm().objectAlignmentBytes(), f.vm().objectHeaderBytes()));
            }
        });
    }

    private static String verdictLine(RunReport r) {
        return RunReport.PASSED.equals(r.verdict()) ? "✅ **Passed**" : "❌ **Failed**";
    }

    private static String metric(CaseResult.Metric m) {
        return BudgetFormat.measured(m.unit(), m.value());
    }

    /** A Markdown table, every cell escaped. */
    public static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header.stream().map(MarkdownReport::escape).toList()))
                .append(" |\n|");
        header.forEach(h -> md.append(" --- |"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append("| ").append(String.join(" | ", row.stream().map(MarkdownReport::escape).toList()))
                    .append(" |\n");
        }
    }

    /** Text from workloads, recordings and exceptions must not break the table or inject markup. */
    public static String escape(String s) {
        return MarkdownText.escape(s);
    }
}
