package io.flightdeck.harness.report.html;

import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;

import io.flightdeck.harness.charts.SvgChart;
import io.flightdeck.child.Checkpoint;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.report.LeakCheckText;

/**
 * A leak check: its verdict, the evidence, the live heap at each checkpoint with the fitted trend, and for a failed
 * check the suspects with the reference chains that hold them.
 */
final class LeakCheckSection {

    /** Suspects shown for a failed check; the analysis has the rest. */
    static final int SUSPECTS_SHOWN = 5;

    private LeakCheckSection() {
    }

    static void append(Element parent, List<LeakCheckReport> checks) {
        if (checks.isEmpty()) {
            return;
        }
        boolean anyFailed = checks.stream().anyMatch(LeakCheckReport::failed);
        Element section = HtmlDocument.section(parent, "Leak checks", anyFailed);
        section.attr("id", "leak-checks");
        for (LeakCheckReport check : checks) {
            Element head = section.appendElement("h3").text(Glyphs.plain(LeakCheckText.headline(check)));
            head.addClass(check.failed() ? "status-fail" : "status-pass");
            HtmlDocument.table(section, List.of("Evidence", "Figures"), LeakCheckText.evidence(check), null);
            chart(section, check);
            if (check.failed() && !check.suspects().isEmpty()) {
                HtmlDocument.paragraph(section, "Suspects, the objects JFR's old-object sampler found alive at the end:");
                section.appendElement("pre").addClass("wrap")
                        .text(String.join("\n", LeakCheckText.suspects(check, SUSPECTS_SHOWN)));
            }
            if (check.failure() != null) {
                section.appendElement("div").addClass("callout").addClass("bad").text(check.failure());
            }
            HtmlDocument.flameGraphLinks(section, "Flame graphs: ", check.flameGraphs());
        }
    }

    private static void chart(Element parent, LeakCheckReport check) {
        LeakCheckReport.CheckpointEvidence c = check.checkpoints();
        if (c == null || c.series().isEmpty()) {
            return;
        }
        SvgChart chart = new SvgChart("Live heap after full GC, " + check.workload(),
                new SvgChart.Axis("seconds into the check", SvgChart.Scale.LINEAR,
                        v -> String.format(Locale.ROOT, "%.0f s", v)),
                SvgChart.Axis.bytes("live heap", RecordingSections::bytes));
        List<double[]> points = c.series().stream()
                .map((Checkpoint p) -> new double[]{p.seconds(), p.liveHeapBytes()}).toList();
        chart.add(new SvgChart.Series("checkpoints", points, true));
        if (c.perSecond() != null) {
            RecordingSections.trendLine(points, c.perSecond().slope(), String.format(Locale.ROOT,
                    "Theil–Sen trend: %s/s", RecordingSections.bytes(c.perSecond().slope()))).ifPresent(chart::add);
        }
        chart.appendTo(parent.appendElement("div").addClass("charts"));
    }
}
