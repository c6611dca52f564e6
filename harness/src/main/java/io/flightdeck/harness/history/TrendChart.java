package io.flightdeck.harness.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.DoubleFunction;

import io.flightdeck.harness.charts.SvgChart;
import io.flightdeck.child.files.AtomicFile;

/**
 * A trend as an SVG file: one point per run at its time, the newest environment's runs joined by a line and coloured
 * by their trend verdict (red when worse than the run before by more than {@link Trend#WARN_FRACTION}); runs on
 * other environments are hollow grey points, not joined, so they cannot pass for part of the line.
 */
public final class TrendChart {

    static final String LINE = "#3366cc";
    static final String WORSE = "#d62728";
    static final String OTHER = "#999999";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private TrendChart() {
    }

    /** @param marks dashed lines drawn over the points, such as where the series shifts */
    public static void write(Path file, String title, List<Trend.Row> rows, DoubleFunction<String> label,
                             List<SvgChart.Line> marks) throws IOException {
        AtomicFile.writeString(file, chart(title, rows, label, marks).standaloneSvg());
    }

    static SvgChart chart(String title, List<Trend.Row> rows, DoubleFunction<String> label,
                          List<SvgChart.Line> marks) {
        SvgChart chart = new SvgChart(title,
                new SvgChart.Axis("time of the run (UTC)", SvgChart.Scale.LINEAR,
                        v -> DAY.format(Instant.ofEpochSecond((long) v))),
                new SvgChart.Axis(rows.isEmpty() ? "" : rows.get(0).unit(), SvgChart.Scale.LINEAR, label));
        chart.add(new SvgChart.Series("this environment", points(rows.stream().filter(Trend.Row::sameEnvironment)
                .toList()), SvgChart.Style.LINE, LINE));
        chart.add(new SvgChart.Series("within " + Math.round(Trend.WARN_FRACTION * 100) + " % of the run before, or "
                + "better", points(rows.stream().filter(r -> r.sameEnvironment() && !r.warning()).toList()),
                SvgChart.Style.POINTS, LINE));
        chart.add(new SvgChart.Series("worse than the run before by more than "
                + Math.round(Trend.WARN_FRACTION * 100) + " %", points(rows.stream()
                .filter(r -> r.sameEnvironment() && r.warning()).toList()), SvgChart.Style.POINTS, WORSE));
        chart.add(new SvgChart.Series("another environment", points(rows.stream()
                .filter(r -> !r.sameEnvironment()).toList()), SvgChart.Style.HOLLOW_POINTS, OTHER));
        marks.forEach(chart::add);
        return chart;
    }

    private static List<double[]> points(List<Trend.Row> rows) {
        return rows.stream().map(r -> new double[]{r.time().getEpochSecond(), r.value()}).toList();
    }
}
