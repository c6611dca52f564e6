package io.flightdeck.harness.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;

import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.compare.ChangeVerdict;
import io.flightdeck.harness.compare.ComparisonText;
import io.flightdeck.harness.compare.MetricChange;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.compare.SampleComparison;
import io.flightdeck.harness.compare.ShareChange;
import io.flightdeck.harness.graphs.FlameGraphFiles;

/**
 * A comparison against a baseline: the verdict, the regression table (worst first), and for each regressed workload
 * the frames and allocation sites whose share grew most, with its differential flame graphs. Links are relative to
 * the folder the comparison was written to, which is where the page goes.
 */
final class ComparisonSection {

    private ComparisonSection() {
    }

    static void append(Element parent, RunComparison c, boolean open) {
        Element section = HtmlDocument.section(parent, "Comparison with " + c.baseline().label(), open);
        section.attr("id", "comparison");
        Element verdict = section.appendElement("div").addClass("verdict").addClass(c.verdict().replace(' ', '-'));
        verdict.text(ComparisonText.verdictLine(c));
        for (String warning : ComparisonText.warnings(c)) {
            section.appendElement("div").addClass("callout").text(warning);
        }
        String noise = ComparisonText.noiseLine(c);
        if (noise != null) {
            HtmlDocument.paragraph(section, "Machine load: " + noise).addClass("machine-load");
        }
        String confirmation = ComparisonText.confirmationLine(c);
        if (confirmation != null) {
            HtmlDocument.paragraph(section, confirmation).addClass("confirmation");
        }
        HtmlDocument.paragraph(section, String.format(Locale.ROOT, "Baseline: run %s (%s). Current: run %s. A change "
                        + "counts when it is significant (Mann–Whitney U, p < %.2f) and larger than %.3g %%; a "
                        + "regression fails when it is worse by more than %.3g %% (or the metric's own limit), between "
                        + "JVMs as well as between iterations.", c.baseline().runId(),
                ShownTime.of(c.baseline().startedAt()), c.current().runId(), c.thresholds().alpha(), c.thresholds().noise() * 100,
                c.thresholds().limit() * 100)).addClass("muted");

        List<Row> rows = rows(c);
        List<Row> notable = rows.stream().filter(r -> r.change() == null
                || r.change().verdict() != ChangeVerdict.NO_CHANGE).toList();
        section.appendElement("h3").text(notable.isEmpty() ? "No metric changed" : "Changed or undecided metrics");
        if (!notable.isEmpty()) {
            table(section, notable);
        }
        Element all = section.appendElement("details").addClass("sub");
        all.appendElement("summary").text("Every compared metric (" + rows.size() + ")");
        table(all, rows);
        why(section, c);
    }

    private record Row(String workload, String caseLabel, String metric, String unit, MetricChange change,
                       String note) {
    }

    /** Regressed first, then inconclusive, improved, unchanged; workloads that could not be compared at the end. */
    private static List<Row> rows(RunComparison c) {
        List<Row> rows = new ArrayList<>();
        for (RunComparison.WorkloadComparison w : c.workloads()) {
            if (w.verdict() == null) {
                rows.add(new Row(w.workload(), "", "", null, null, switch (w.status()) {
                    case "new" -> "new: not in the baseline";
                    case "missing" -> "missing: in the baseline, not in this run";
                    default -> "not compared: failed in one of the runs";
                }));
                continue;
            }
            for (RunComparison.CaseComparison k : w.cases()) {
                k.metrics().forEach(m -> rows.add(new Row(w.workload(), k.caseLabel(), m.metric(), m.unit(),
                        m.change(), null)));
            }
        }
        rows.sort(Comparator.comparingInt(ComparisonSection::rank));
        return rows;
    }

    private static int rank(Row r) {
        if (r.change() == null) {
            return 4;
        }
        return switch (r.change().verdict()) {
            case REGRESSED -> 0;
            case INCONCLUSIVE -> 1;
            case IMPROVED -> 2;
            case NO_CHANGE -> 3;
        };
    }

    private static void table(Element parent, List<Row> rows) {
        Element table = HtmlDocument.table(parent, List.of("Workload", "Case", "Metric", "Baseline", "Current",
                "Change", "95 % interval", "p", "Verdict", "Why"), rows.stream().map(ComparisonSection::cells).toList(),
                "comparison");
        var trs = table.select("tbody tr");
        for (int i = 0; i < rows.size(); i++) {
            MetricChange ch = rows.get(i).change();
            if (ch != null && ch.verdict() == ChangeVerdict.REGRESSED) {
                trs.get(i).addClass("fail");
            } else if (ch != null && ch.verdict() == ChangeVerdict.INCONCLUSIVE) {
                trs.get(i).addClass("warn");
            }
            if (ch != null) {
                trs.get(i).select("td").get(8).addClass("status-" + ch.verdict().name().toLowerCase(Locale.ROOT)
                        .replace("_", "-"));
            }
        }
    }

    private static List<String> cells(Row r) {
        MetricChange ch = r.change();
        if (ch == null) {
            return List.of(r.workload(), "", "", "", "", "", "", "", "—", r.note());
        }
        return List.of(r.workload(), r.caseLabel(), r.metric(), BudgetFormat.measured(r.unit(), ch.baselineMedian()),
                BudgetFormat.measured(r.unit(), ch.currentMedian()),
                Double.isNaN(ch.change()) ? BudgetFormat.NONE : SampleComparison.pct(ch.change()),
                Double.isNaN(ch.lower()) ? "" : SampleComparison.pct(ch.lower()) + " to " + SampleComparison.pct(ch.upper()),
                Double.isNaN(ch.pValue()) ? "" : String.format(Locale.ROOT, "%.3g", ch.pValue()),
                Glyphs.plain(ComparisonText.symbol(ch.verdict())) + " " + ComparisonText.word(ch.verdict()),
                ch.reason() == null ? "" : ch.reason());
    }

    private static void why(Element parent, RunComparison c) {
        for (RunComparison.WorkloadComparison w : c.workloads()) {
            if (w.why() == null) {
                continue;
            }
            parent.appendElement("h3").text("Why " + w.workload() + " regressed");
            if (w.why().note() != null) {
                HtmlDocument.paragraph(parent, w.why().note());
            }
            shares(parent, "Methods whose share of CPU samples grew most", w.why().methods());
            shares(parent, "Allocation sites whose share of bytes grew most", w.why().allocationSites());
            HtmlDocument.flameGraphLinks(parent, "Differential flame graphs (red grew, blue shrank): ",
                    w.why().flameGraphs());
            if (w.why().methodTables() != null && !w.why().methodTables().isEmpty()) {
                Element p = parent.appendElement("p").addClass("graphs");
                p.appendElement("strong").text("By method (self and total share, both sides): ");
                w.why().methodTables().forEach(t -> HtmlDocument.link(p, t, FlameGraphFiles.label(t)).addClass("methods"));
            }
        }
    }

    private static void shares(Element parent, String title, List<ShareChange> changes) {
        if (changes == null || changes.isEmpty()) {
            return;
        }
        parent.appendElement("h3").text(title);
        Element table = HtmlDocument.table(parent, List.of("Frame", "Baseline share", "Current share", "Change"),
                changes.stream().map(s -> List.of(s.frame(), percent(s.baselineShare()), percent(s.currentShare()),
                        String.format(Locale.ROOT, "%+.1f pp", 100 * s.delta()))).toList(), "ranked");
        table.select("tbody td:first-child").addClass("frame");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
