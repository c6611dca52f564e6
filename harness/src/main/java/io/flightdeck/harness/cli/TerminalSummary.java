package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.ComparisonText;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.report.LeakCheckText;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.SummaryTable;
import io.flightdeck.harness.run.ProfilingRun;

/** The end of a run on the terminal: the summary table, warnings, the verdict and where the report is. */
final class TerminalSummary {

    private TerminalSummary() {
    }

    /** Suspects a failed leak check lists on the terminal; report.json has them all. */
    static final int SUSPECTS_SHOWN = 3;

    static void print(PrintWriter out, RunReport report, Path dir) {
        if (!report.workloads().isEmpty()) {
            table(out, report);
        }
        leakChecks(out, report);
        if (report.noise() != null) {
            report.noise().warnings().forEach(w -> out.println("warning: " + w));
        }
        out.println();
        long leaks = report.leakChecks().stream().filter(LeakCheckReport::failed).count();
        out.println((RunReport.PASSED.equals(report.verdict()) ? "PASSED" : "FAILED") + ": "
                + report.workloads().stream().filter(w -> RunReport.FAILED.equals(w.status())).count()
                + " workload(s) failed, "
                + report.budgets().stream().filter(v -> v.failed()).count() + " budget(s) exceeded, "
                + (report.leakChecks().isEmpty() ? "" : leaks + " of " + report.leakChecks().size()
                + " leak check(s) failed, ")
                + "in " + String.format(Locale.ROOT, "%.0f s", report.durationSeconds()));
        out.println("report: " + dir.resolve(ProfilingRun.REPORT_HTML).toAbsolutePath().normalize().toUri());
        out.println("        " + dir.resolve(ProfilingRun.REPORT_MD));
        out.println("        " + dir.resolve(ProfilingRun.REPORT_JSON));
        report.workloads().stream()
                .filter(w -> w.profile() != null && w.profile().flameGraphs() != null && !w.profile().flameGraphs().isEmpty())
                .findFirst()
                .ifPresent(w -> out.println("flame graphs: " + dir.resolve(w.profile().flameGraphs().get(0))
                        + " (each workload's folder has its own)"));
        out.flush();
    }

    /** Each leak check: its verdict, its evidence, and on a failure the suspects. */
    private static void leakChecks(PrintWriter out, RunReport report) {
        for (LeakCheckReport check : report.leakChecks()) {
            out.println();
            out.println(LeakCheckText.headline(check));
            List<List<String>> evidence = LeakCheckText.evidence(check);
            int width = evidence.stream().mapToInt(e -> e.get(0).length()).max().orElse(0);
            evidence.forEach(e -> out.println("   " + e.get(0) + " ".repeat(width - e.get(0).length() + 2) + e.get(1)));
            if (check.failed()) {
                List<String> suspects = LeakCheckText.suspects(check, SUSPECTS_SHOWN);
                out.println(suspects.isEmpty() ? "   no old-object samples to name a suspect"
                        : "   suspects (objects alive at the end, by JFR's old-object samples):");
                suspects.forEach(l -> out.println("   " + l));
                if (check.recordingFile() != null) {
                    out.println("   recording: " + check.recordingFile() + " (its flame graphs beside it)");
                }
            }
        }
    }

    private static void table(PrintWriter out, RunReport report) {
        out.println();
        printTable(out, SummaryTable.HEADER, SummaryTable.rows(report));
        report.workloads().stream().map(SummaryTable::scaling).filter(s -> s != null).forEach(out::println);
        SummaryTable.measurementWarnings(report).forEach(w -> out.println("note: " + w));
    }

    /** A table in aligned columns, a rule under its header. */
    static void printTable(PrintWriter out, List<String> header, List<List<String>> body) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        rows.addAll(body);
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            List<String> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell).append(" ".repeat(widths[i] - width(cell) + 2));
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w + 2;
                }
                out.println("-".repeat(total - 2));
            }
        }
    }

    /** A comparison's table, its evidence for each regression, and its verdict. */
    static void printComparison(PrintWriter out, RunComparison c, Path dir) {
        out.println();
        out.println("Against " + c.baseline().label() + " (run " + c.baseline().runId() + "):");
        printTable(out, ComparisonText.HEADER, ComparisonText.rows(c));
        String warning = ComparisonText.environmentWarning(c);
        if (warning != null) {
            out.println("warning: " + warning);
        }
        ComparisonText.why(c).forEach(out::println);
        String confirmation = ComparisonText.confirmationLine(c);
        if (confirmation != null) {
            out.println(confirmation);
        }
        out.println(ComparisonText.verdictLine(c));
        out.println("comparison: " + dir.resolve(ComparisonFiles.MARKDOWN));
        out.flush();
    }

    /** Terminal columns of a cell: emoji such as ✅ take two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0xFE0F) {
                continue; // the variation selector of ⚠️ adds no width of its own
            }
            w += cp >= 0x2600 && cp != 0x2212 && cp != 0x2264 && cp != 0x2265 ? 2 : 1;
        }
        return w;
    }
}
