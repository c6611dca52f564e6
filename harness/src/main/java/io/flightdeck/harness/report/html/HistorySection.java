package io.flightdeck.harness.report.html;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jsoup.nodes.Element;

import io.flightdeck.harness.changes.ChangeMarks;
import io.flightdeck.harness.charts.SvgChart;
import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.history.Trend;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

/**
 * The history of the run's headline metric (p95, the figure the budgets judge) for each workload, from the home
 * folder's history: one series per case, runs from another environment drawn as their own series, never mixed in,
 * and each persistent shift in a case's series (as {@code history --changes} finds them) a dashed step.
 */
final class HistorySection {

    static final String METRIC = "p95";
    /** The newest runs drawn; {@code flightdeck history} has them all. */
    static final int RUNS_SHOWN = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private HistorySection() {
    }

    static void append(Element parent, RunReport run, List<HistoryEntry> history) {
        // runs only: JMH imports share the history but measure other things in other units
        List<HistoryEntry> runEntries = history.stream().filter(e -> HistoryEntry.RUN.equals(e.source())).toList();
        List<SvgChart> charts = new ArrayList<>();
        for (WorkloadReport w : run.workloads()) {
            SvgChart chart = new SvgChart(w.name() + ": " + METRIC + " over the last runs",
                    new SvgChart.Axis("time of the run (UTC)", SvgChart.Scale.LINEAR,
                            v -> DAY.format(Instant.ofEpochSecond((long) v))),
                    new SvgChart.Axis(METRIC + " latency", SvgChart.Scale.LOG, v -> BudgetFormat.measured("ns", v)));
            int runs = 0;
            for (CaseReport c : w.cases()) {
                List<Trend.Row> all = Trend.of(runEntries, w.name(), c.label(), METRIC).stream()
                        .filter(r -> "ns".equals(r.unit())).toList();
                List<Trend.Row> rows = all.subList(Math.max(0, all.size() - RUNS_SHOWN), all.size());
                runs = Math.max(runs, rows.size());
                String here = run.environment() == null ? null : run.environment().fingerprint();
                List<double[]> same = new ArrayList<>();
                List<double[]> other = new ArrayList<>();
                for (Trend.Row r : rows) {
                    double[] point = {r.time().getEpochSecond(), r.value()};
                    (here == null || Objects.equals(here, r.fingerprint()) ? same : other).add(point);
                }
                chart.add(new SvgChart.Series(c.label(), same, true));
                if (here != null) {
                    ChangeMarks.of(rows, here, v -> c.label() + " " + BudgetFormat.measured("ns", v))
                            .forEach(chart::add);
                }
                if (!other.isEmpty()) {
                    chart.add(new SvgChart.Series(c.label() + " (another environment)", other,
                            SvgChart.Style.HOLLOW_POINTS, null));
                }
            }
            if (runs >= 2 && chart.hasData()) {
                charts.add(chart);
            }
        }
        if (charts.isEmpty()) {
            return;
        }
        Element section = HtmlDocument.section(parent, "History", false);
        section.attr("id", "history");
        HtmlDocument.paragraph(section, "The newest " + RUNS_SHOWN + " runs of each case at most; "
                + "flightdeck history prints the whole trend table.").addClass("muted");
        Element box = section.appendElement("div").addClass("charts");
        charts.forEach(c -> c.appendTo(box));
    }
}
