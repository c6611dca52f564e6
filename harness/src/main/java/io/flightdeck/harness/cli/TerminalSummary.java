package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.ComparisonText;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.report.LeakCheckText;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.SummaryTable;
import io.flightdeck.harness.report.TimeShares;
import io.flightdeck.harness.run.ProfilingRun;
import io.flightdeck.harness.text.TerminalText;

/**
 * The end of a run on the terminal: the summary table, the budgets not held, notes counted by kind, warnings, the
 * verdict and where the report is. Every line but a file's path fits {@value #COLUMNS} columns (long names are cut
 * with an ellipsis, prose is wrapped) and every name passes through {@link TerminalText#safe}; the details are in the
 * report.
 */
final class TerminalSummary {

    /** The widest a line of the summary gets: a terminal of 120 columns shows it without wrapping. */
    static final int COLUMNS = 120;
    /** The narrowest a column is cut to, ellipsis included, when a table is too wide. */
    static final int MIN_COLUMN = 8;
    /** Budgets not held spelled out below the table; report.md lists every budget. */
    static final int BUDGETS_SHOWN = 10;
    /** Suspects a failed leak check lists on the terminal; report.json has them all. */
    static final int SUSPECTS_SHOWN = 3;

    private static final String DETAILS = "(details in report.md and report.html)";

    private TerminalSummary() {
    }

    static void print(PrintWriter out, RunReport report, Path dir) {
        if (!report.workloads().isEmpty()) {
            table(out, report);
        }
        leakChecks(out, report);
        if (report.noise() != null) {
            report.noise().warnings().forEach(w -> wrapped(out, "warning: " + w, "         "));
        }
        out.println();
        long leaks = report.leakChecks().stream().filter(LeakCheckReport::failed).count();
        wrapped(out, (RunReport.PASSED.equals(report.verdict()) ? "PASSED" : "FAILED") + ": "
                + report.workloads().stream().filter(w -> RunReport.FAILED.equals(w.status())).count()
                + " workload(s) failed, "
                + report.budgets().stream().filter(v -> v.failed()).count() + " budget(s) exceeded, "
                + (report.leakChecks().isEmpty() ? "" : leaks + " of " + report.leakChecks().size()
                + " leak check(s) failed, ")
                + "in " + String.format(Locale.ROOT, "%.0f s", report.durationSeconds()), "  ");
        path(out, "report: " + dir.resolve(ProfilingRun.REPORT_HTML).toAbsolutePath().normalize().toUri());
        path(out, "        " + dir.resolve(ProfilingRun.REPORT_MD));
        path(out, "        " + dir.resolve(ProfilingRun.REPORT_JSON));
        report.workloads().stream()
                .filter(w -> w.profile() != null && w.profile().flameGraphs() != null && !w.profile().flameGraphs().isEmpty())
                .findFirst()
                .ifPresent(w -> path(out, "flame graphs: " + dir.resolve(w.profile().flameGraphs().get(0))
                        + " (each workload's folder has its own)"));
        out.flush();
    }

    /** Each leak check: its verdict, its evidence, and on a failure the suspects. */
    private static void leakChecks(PrintWriter out, RunReport report) {
        for (LeakCheckReport check : report.leakChecks()) {
            out.println();
            wrapped(out, LeakCheckText.headline(check), "   ");
            List<List<String>> evidence = LeakCheckText.evidence(check);
            int width = evidence.stream().mapToInt(e -> TerminalText.width(e.get(0))).max().orElse(0);
            for (List<String> e : evidence) {
                String label = "   " + e.get(0) + " ".repeat(width - TerminalText.width(e.get(0)) + 2);
                wrapped(out, label + e.get(1), " ".repeat(TerminalText.width(label)));
            }
            if (check.failed()) {
                List<String> suspects = LeakCheckText.suspects(check, SUSPECTS_SHOWN);
                out.println(suspects.isEmpty() ? "   no old-object samples to name a suspect"
                        : "   suspects (objects alive at the end, by JFR's old-object samples):");
                suspects.forEach(l -> wrapped(out, "   " + l, "        "));
                if (check.recordingFile() != null) {
                    path(out, "   recording: " + check.recordingFile() + " (its flame graphs beside it)");
                }
            }
        }
    }

    private static void table(PrintWriter out, RunReport report) {
        out.println();
        printTable(out, SummaryTable.HEADER, SummaryTable.compactRows(report));
        budgetsNotHeld(out, report);
        report.workloads().stream().filter(w -> RunReport.FAILED.equals(w.status()))
                .forEach(w -> wrapped(out, w.name() + " failed: " + w.failure(), "  "));
        report.workloads().stream().map(SummaryTable::scaling).filter(s -> s != null).forEach(s -> line(out, s));
        timeByState(out, report);
        notes(out, SummaryTable.measurementNotes(report));
    }

    /**
     * Per workload with a recording, one line: "time W (1 working thread of 14): 62% Java, 21% native, 9% lock, 5%
     * waiting, 3% other".
     */
    private static void timeByState(PrintWriter out, RunReport report) {
        report.workloads().stream()
                .filter(w -> w.profile() != null && w.profile().timeShares() != null)
                .forEach(w -> line(out, "time " + w.name() + (w.profile().workingTimeShares() == null
                        ? ": " + TimeShares.line(w.profile().timeShares())
                        : " (" + w.profile().workingThreads() + "): "
                        + TimeShares.line(w.profile().workingTimeShares()))));
    }

    /** The budgets that did not pass, worst first, in a table of their own; the passing ones are counted above. */
    private static void budgetsNotHeld(PrintWriter out, RunReport report) {
        List<List<String>> rows = SummaryTable.budgetsNotHeld(report);
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("Budgets not held (" + rows.size() + " of " + report.budgets().size() + "; every budget in "
                + "report.md):");
        printTable(out, List.of("Workload", "Case", "Budget", "Measured", "Verdict"),
                rows.subList(0, Math.min(BUDGETS_SHOWN, rows.size())));
        if (rows.size() > BUDGETS_SHOWN) {
            out.println("… and " + (rows.size() - BUDGETS_SHOWN) + " more in report.md");
        }
    }

    /**
     * Two lines per kind of note, counting the cases and naming as many as fit: a suite of twenty cases would
     * otherwise end in twenty notes. Each note in full is in report.md and report.html.
     */
    static void notes(PrintWriter out, List<SummaryTable.Note> notes) {
        Map<SummaryTable.NoteKind, List<SummaryTable.Note>> byKind = new LinkedHashMap<>();
        notes.forEach(n -> byKind.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(n));
        if (!byKind.isEmpty()) {
            out.println();
        }
        byKind.forEach((kind, list) -> {
            line(out, "note: " + kind.counted(list.size()) + " " + DETAILS + ":");
            String indent = "      ";
            int room = COLUMNS - indent.length();
            String shown = "";
            for (int i = 0; i < list.size(); i++) {
                // each cut, so one long name does not crowd out the others
                String name = TerminalText.truncate(list.get(i).workload() + " " + list.get(i).caseLabel(), 40);
                int left = list.size() - i - 1;
                String more = left == 0 ? "" : ", … " + left + " more";
                String candidate = shown.isEmpty() ? name : shown + ", " + name;
                if (TerminalText.width(candidate + more) > room) {
                    shown = shown.isEmpty()
                            ? TerminalText.truncate(name, Math.max(1, room - TerminalText.width(more))) + more
                            : shown + ", … " + (left + 1) + " more";
                    break;
                }
                shown = candidate;
            }
            line(out, indent + shown);
        });
    }

    /**
     * A table in aligned columns, a rule under its header, every cell made safe; when it would be wider than
     * {@value #COLUMNS} columns, its widest columns are cut (with an ellipsis) until it fits.
     */
    static void printTable(PrintWriter out, List<String> header, List<List<String>> body) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header.stream().map(TerminalText::safe).toList());
        body.forEach(r -> rows.add(r.stream().map(TerminalText::safe).toList()));
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], TerminalText.width(row.get(i)));
            }
        }
        fit(widths);
        int total = 0;
        for (int w : widths) {
            total += w + 2;
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            List<String> row = rows.get(r);
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                String cell = TerminalText.truncate(row.get(i), widths[i]);
                line.append(cell).append(" ".repeat(Math.max(0, widths[i] - TerminalText.width(cell)) + 2));
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(total - 2));
            }
        }
    }

    /** Narrows the widest column, one column at a time, until the table fits or every column is at its narrowest. */
    static void fit(int[] widths) {
        int total = -2;
        for (int w : widths) {
            total += w + 2;
        }
        while (total > COLUMNS) {
            int widest = 0;
            for (int i = 1; i < widths.length; i++) {
                if (widths[i] > widths[widest]) {
                    widest = i;
                }
            }
            if (widths[widest] <= MIN_COLUMN) {
                return;
            }
            widths[widest]--;
            total--;
        }
    }

    /** A comparison's table, its evidence for each regression, and its verdict. */
    static void printComparison(PrintWriter out, RunComparison c, Path dir) {
        out.println();
        wrapped(out, "Against " + c.baseline().label() + " (run " + c.baseline().runId() + "):", "  ");
        printTable(out, ComparisonText.HEADER, ComparisonText.rows(c));
        for (String warning : ComparisonText.warnings(c)) {
            wrapped(out, "warning: " + warning, "         ");
        }
        String noise = ComparisonText.noiseLine(c);
        if (noise != null) {
            wrapped(out, "machine load: " + noise, "  ");
        }
        ComparisonText.why(c).forEach(l -> wrapped(out, l, "         "));
        String confirmation = ComparisonText.confirmationLine(c);
        if (confirmation != null) {
            wrapped(out, confirmation, "  ");
        }
        wrapped(out, ComparisonText.verdictLine(c), "  ");
        path(out, "comparison: " + dir.resolve(ComparisonFiles.MARKDOWN));
        out.flush();
    }

    /** One line, made safe and cut to the columns. */
    static void line(PrintWriter out, String text) {
        out.println(TerminalText.truncate(text, COLUMNS));
    }

    /** A line naming a file: made safe but never cut, a path with an ellipsis in it being no path. */
    static void path(PrintWriter out, String text) {
        out.println(TerminalText.safe(text));
    }

    /** Prose, made safe and wrapped to the columns, the lines after the first indented. */
    static void wrapped(PrintWriter out, String text, String indent) {
        TerminalText.wrap(text, COLUMNS, indent).forEach(out::println);
    }
}
