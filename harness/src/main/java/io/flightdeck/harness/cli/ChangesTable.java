package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.flightdeck.harness.changes.ChangePoint;
import io.flightdeck.harness.changes.HistoryChanges;
import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.history.Trend;
import io.flightdeck.harness.text.TerminalText;

/** {@code history --changes}: the change points of every chosen series, a table per series that has any. */
final class ChangesTable {

    private final PrintWriter out;
    private final List<HistoryEntry> entries;
    private final String metric;
    private final HistoryChanges.Settings settings;

    ChangesTable(PrintWriter out, List<HistoryEntry> entries, String metric, HistoryChanges.Settings settings) {
        this.out = out;
        this.entries = entries;
        this.metric = metric;
        this.settings = settings;
    }

    /** Every workload's series when {@code workload} is null, every case's when {@code caseLabel} is. */
    void print(String workload, String caseLabel) {
        List<String> workloads = workload != null ? List.of(workload) : workloads();
        int series = 0;
        int found = 0;
        for (String w : workloads) {
            List<String> cases = caseLabel != null ? List.of(caseLabel) : Trend.cases(entries, w, metric);
            for (String c : cases) {
                List<Trend.Row> rows = Trend.of(entries, w, c, metric);
                for (Map.Entry<String, List<Trend.Row>> env : HistoryChanges.byEnvironment(rows).entrySet()) {
                    series++;
                    List<ChangePoint> changes = HistoryChanges.of(env.getValue(), settings);
                    found += changes.size();
                    if (!changes.isEmpty()) {
                        table(w, c, env.getKey(), env.getValue(), changes);
                    }
                }
            }
        }
        if (series == 0) {
            throw new UsageException(TerminalText.safe("no '" + metric + "'"
                    + (workload == null ? "" : " of workload '" + workload + "'")
                    + (caseLabel == null ? "" : " case '" + caseLabel + "'") + " in the history"));
        }
        out.println();
        out.println((found == 0 ? "no persistent change" : found + " change(s)") + " in " + series + " series of "
                + metric + " (one per workload, case and environment). " + method());
    }

    private String method() {
        return String.format(Locale.ROOT, "E-divisive means places each shift; it counts when it lasts %d runs or "
                        + "more on either side and a Welch t-test between them gives p < %s; shifts under %s are left out.",
                settings.minRuns(), settings.significance(),
                String.format(Locale.ROOT, "%.1f %%", settings.minChange() * 100));
    }

    private void table(String workload, String caseLabel, String environment, List<Trend.Row> rows,
                       List<ChangePoint> changes) {
        String unit = rows.get(rows.size() - 1).unit();
        out.println();
        out.println(TerminalText.safe("Changes in " + workload + " " + caseLabel + ", " + metric + " (environment "
                + environment + ", " + rows.size() + " runs)"));
        List<List<String>> body = new ArrayList<>();
        for (ChangePoint c : changes) {
            body.add(List.of(HistoryCommand.WHEN.format(c.time()), TerminalText.safe(c.runId()),
                    c.commit() == null ? "" : HistoryCommand.shortCommit(c.commit()),
                    BudgetFormat.measured(unit, c.before()) + " → " + BudgetFormat.measured(unit, c.after()),
                    pct(c.change()) + (c.worse() ? " ⚠️ worse" : " better"),
                    pct(c.lower()) + " to " + pct(c.upper()),
                    c.runsBefore() + " / " + c.runsAfter(),
                    String.format(Locale.ROOT, "%.2g", c.pValue())));
        }
        TerminalSummary.printTable(out, List.of("First run after (UTC)", "Run", "Commit", "Median before → after",
                "Change", "95 % interval", "Runs before / after", "p"), body);
    }

    /** The workloads with figures of this metric, in first-seen order. */
    private List<String> workloads() {
        Set<String> names = new LinkedHashSet<>();
        for (HistoryEntry e : entries) {
            for (HistoryEntry.Point p : e.points()) {
                if (p.metric().equals(metric)) {
                    names.add(p.workload());
                }
            }
        }
        return List.copyOf(names);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%+.1f %%", fraction * 100).replace('-', '−');
    }
}
