package io.flightdeck.harness.charts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A chart drawn on the server as SVG: series of points (each with a hover title), joined or not, and fitted lines,
 * on linear or logarithmic axes. It goes into a report page as inline SVG ({@link #appendTo}), where no script runs
 * so no chart can fail to draw, or into a file of its own ({@link #standaloneSvg}). Every label goes in through
 * jsoup's {@code text()} and {@code attr()}, never as markup.
 *
 * <p>Every data point is a {@code circle.point} element: a chart with data can be told from an empty frame by
 * looking at the page.
 */
public final class SvgChart {

    public enum Scale { LINEAR, LOG }

    /** How a series is drawn. */
    public enum Style {
        /** Points joined by a line, in order. */
        LINE_AND_POINTS,
        /** Points only. */
        POINTS,
        /** Points only, outlined: values that are shown but set apart (another machine's, say). */
        HOLLOW_POINTS,
        /** The line alone, for points that other series mark. */
        LINE
    }

    /**
     * @param label  how a value on this axis is written (ticks and hover titles)
     * @param binary ticks at round numbers of KiB, MiB, GiB rather than of powers of ten (a linear byte axis)
     */
    public record Axis(String title, Scale scale, DoubleFunction<String> label, boolean binary) {

        public Axis(String title, Scale scale, DoubleFunction<String> label) {
            this(title, scale, label, false);
        }

        /** A linear axis of bytes, ticked at 1, 2, 5 ... KiB, MiB or GiB. */
        public static Axis bytes(String title, DoubleFunction<String> label) {
            return new Axis(title, Scale.LINEAR, label, true);
        }
    }

    /**
     * @param points x, y pairs
     * @param colour a CSS colour, or null for the next of the palette
     */
    public record Series(String name, List<double[]> points, Style style, String colour) {

        /** Points of the palette's next colour, joined or not. */
        public Series(String name, List<double[]> points, boolean joined) {
            this(name, points, joined ? Style.LINE_AND_POINTS : Style.POINTS, null);
        }
    }

    /** A straight line in data space, such as a fitted trend, drawn dashed. */
    public record Line(String name, double x1, double y1, double x2, double y2) {
    }

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22"};
    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    static final int LEFT = 78;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 46;
    /** About how wide a character of a tick label is, in view-box units, to keep labels from overlapping. */
    static final double CHARACTER_WIDTH = 6.5;
    /** Above the chart in a standalone SVG: the title. */
    static final int TITLE_HEIGHT = 28;
    /** Below it: a legend line per series and line. */
    static final int LEGEND_LINE = 16;
    /**
     * Points drawn of one series at most: the heap after GC of an hour-long production recording has tens of
     * thousands, far more than 560 pixels can show, and a page of that many elements is slow to open.
     */
    public static final int MAX_POINTS = 600;

    private final String title;
    private final Axis x;
    private final Axis y;
    private final List<Series> series = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    public SvgChart(String title, Axis x, Axis y) {
        this.title = title;
        this.x = x;
        this.y = y;
    }

    public SvgChart add(Series s) {
        series.add(s);
        return this;
    }

    public SvgChart add(Line l) {
        lines.add(l);
        return this;
    }

    /** Whether any series has a point that can be drawn (a log axis cannot draw zero or less). */
    public boolean hasData() {
        return series.stream().anyMatch(this::hasData);
    }

    private boolean hasData(Series s) {
        return s.points().stream().anyMatch(this::drawable);
    }

    /** A {@code figure} holding the SVG and its legend, appended to {@code parent}. */
    public Element appendTo(Element parent) {
        Element figure = parent.appendElement("figure").addClass("chart");
        figure.appendElement("figcaption").text(title);
        Element svg = figure.appendElement("svg").attr("xmlns", SVG_NAMESPACE)
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT).attr("role", "img").attr("aria-label", title);
        svg.appendElement("title").text(title);
        draw(svg);
        Element legend = figure.appendElement("ul").addClass("legend");
        for (int i = 0; i < series.size(); i++) {
            if (!hasData(series.get(i))) {
                continue; // nothing of it is drawn: a legend entry would promise what is not there
            }
            Element item = legend.appendElement("li");
            item.appendElement("span").addClass("swatch").attr("style", "background:" + colour(i));
            item.appendText(series.get(i).name());
        }
        lines.forEach(l -> legend.appendElement("li").addClass("fit-legend").text("- - " + l.name()));
        return figure;
    }

    /** The chart as an SVG document of its own, its title above and its legend below, for a file. */
    public String standaloneSvg() {
        Document doc = new Document("");
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).charset(StandardCharsets.UTF_8)
                .prettyPrint(false);
        int legendLines = (int) series.stream().filter(this::hasData).count() + lines.size();
        int height = TITLE_HEIGHT + HEIGHT + LEGEND_LINE * legendLines + 8;
        Element root = doc.appendElement("svg").attr("xmlns", SVG_NAMESPACE).attr("width", String.valueOf(WIDTH))
                .attr("height", String.valueOf(height)).attr("viewBox", "0 0 " + WIDTH + " " + height)
                .attr("font-family", "sans-serif").attr("font-size", "12");
        root.appendElement("title").text(title);
        root.appendElement("text").attr("x", fmt(LEFT)).attr("y", "19").attr("font-size", "14").text(title);
        Element chart = root.appendElement("svg").attr("x", "0").attr("y", String.valueOf(TITLE_HEIGHT))
                .attr("width", String.valueOf(WIDTH)).attr("height", String.valueOf(HEIGHT))
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        draw(chart);
        double row = TITLE_HEIGHT + HEIGHT;
        for (int i = 0; i < series.size(); i++) {
            if (!hasData(series.get(i))) {
                continue;
            }
            row += LEGEND_LINE;
            root.appendElement("rect").attr("x", fmt(LEFT)).attr("y", fmt(row - 9)).attr("width", "10")
                    .attr("height", "10").attr("fill", colour(i));
            root.appendElement("text").attr("x", fmt(LEFT + 16)).attr("y", fmt(row)).text(series.get(i).name());
        }
        for (Line l : lines) {
            row += LEGEND_LINE;
            root.appendElement("text").attr("x", fmt(LEFT)).attr("y", fmt(row)).text("- - " + l.name());
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.outerHtml() + "\n";
    }

    private String colour(int index) {
        String own = series.get(index).colour();
        return own != null ? own : COLOURS[index % COLOURS.length];
    }

    /** Axes, series and lines into an SVG element whose view box is {@link #WIDTH} by {@link #HEIGHT}. */
    private void draw(Element svg) {
        Range xr = range(x.scale(), series, lines, true);
        Range yr = range(y.scale(), series, lines, false);
        axes(svg, xr, yr);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = colour(i);
            List<double[]> drawn = decimate(s.points().stream().filter(this::drawable).toList(), MAX_POINTS);
            boolean line = s.style() == Style.LINE_AND_POINTS || s.style() == Style.LINE;
            if (line && drawn.size() > 1) {
                StringBuilder d = new StringBuilder();
                for (double[] p : drawn) {
                    d.append(d.length() == 0 ? "" : " ").append(fmt(px(xr, p[0]))).append(',').append(fmt(py(yr, p[1])));
                }
                svg.appendElement("polyline").attr("points", d.toString()).attr("fill", "none")
                        .attr("stroke", colour).attr("stroke-width", "1.5");
            }
            if (s.style() == Style.LINE) {
                continue;
            }
            boolean hollow = s.style() == Style.HOLLOW_POINTS;
            for (double[] p : drawn) {
                Element c = svg.appendElement("circle").addClass("point").attr("cx", fmt(px(xr, p[0])))
                        .attr("cy", fmt(py(yr, p[1]))).attr("r", hollow ? "3.5" : "2.6")
                        .attr("fill", hollow ? "none" : colour);
                if (hollow) {
                    c.attr("stroke", colour).attr("stroke-width", "1.5");
                }
                c.appendElement("title").text(s.name() + ": " + x.label().apply(p[0]) + ", " + y.label().apply(p[1]));
            }
        }
        for (Line l : lines) {
            if (!drawable(new double[]{l.x1(), l.y1()}) || !drawable(new double[]{l.x2(), l.y2()})) {
                continue;
            }
            Element line = svg.appendElement("line").addClass("fit").attr("x1", fmt(px(xr, l.x1())))
                    .attr("y1", fmt(py(yr, l.y1()))).attr("x2", fmt(px(xr, l.x2()))).attr("y2", fmt(py(yr, l.y2())))
                    .attr("stroke", "#333").attr("stroke-width", "1.5").attr("stroke-dasharray", "6 4");
            line.appendElement("title").text(l.name());
        }
    }

    private void axes(Element svg, Range xr, Range yr) {
        double bottom = HEIGHT - BOTTOM;
        svg.appendElement("line").attr("x1", fmt(LEFT)).attr("y1", fmt(TOP)).attr("x2", fmt(LEFT))
                .attr("y2", fmt(bottom)).attr("stroke", "#888");
        svg.appendElement("line").attr("x1", fmt(LEFT)).attr("y1", fmt(bottom)).attr("x2", fmt(WIDTH - RIGHT))
                .attr("y2", fmt(bottom)).attr("stroke", "#888");
        double labelledUpTo = Double.NEGATIVE_INFINITY;
        for (double t : ticks(x, xr)) {
            double px = px(xr, t);
            svg.appendElement("line").attr("x1", fmt(px)).attr("y1", fmt(bottom)).attr("x2", fmt(px))
                    .attr("y2", fmt(bottom + 4)).attr("stroke", "#888");
            String label = x.label().apply(t);
            double halfWidth = label.length() * CHARACTER_WIDTH / 2;
            if (px - halfWidth > labelledUpTo + 6) { // a label that would overlap the one before is left out
                svg.appendElement("text").attr("x", fmt(px)).attr("y", fmt(bottom + 16)).attr("text-anchor", "middle")
                        .text(label);
                labelledUpTo = px + halfWidth;
            }
        }
        for (double t : ticks(y, yr)) {
            double py = py(yr, t);
            svg.appendElement("line").attr("x1", fmt(LEFT)).attr("y1", fmt(py)).attr("x2", fmt(WIDTH - RIGHT))
                    .attr("y2", fmt(py)).attr("stroke", "#eee");
            svg.appendElement("text").attr("x", fmt(LEFT - 6)).attr("y", fmt(py + 4)).attr("text-anchor", "end")
                    .text(y.label().apply(t));
        }
        svg.appendElement("text").attr("x", fmt(LEFT + (WIDTH - LEFT - RIGHT) / 2.0)).attr("y", fmt(HEIGHT - 8))
                .attr("text-anchor", "middle").addClass("axis-title").text(x.title());
        svg.appendElement("text").attr("transform", "translate(14," + fmt(TOP + (bottom - TOP) / 2) + ") rotate(-90)")
                .attr("text-anchor", "middle").addClass("axis-title").text(y.title());
    }

    /**
     * At most about {@code max} of the points, in order: the points split into buckets of consecutive points, and of
     * each bucket the lowest and the highest kept, so that peaks and troughs survive where every k-th point would
     * skip them.
     */
    static List<double[]> decimate(List<double[]> points, int max) {
        if (points.size() <= max) {
            return points;
        }
        int buckets = Math.max(1, max / 2);
        List<double[]> kept = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * points.size() / buckets);
            int to = (int) ((long) (b + 1) * points.size() / buckets);
            int low = from;
            int high = from;
            for (int i = from; i < to; i++) {
                low = points.get(i)[1] < points.get(low)[1] ? i : low;
                high = points.get(i)[1] > points.get(high)[1] ? i : high;
            }
            kept.add(points.get(Math.min(low, high)));
            if (low != high) {
                kept.add(points.get(Math.max(low, high)));
            }
        }
        return kept;
    }

    private boolean drawable(double[] p) {
        return Double.isFinite(p[0]) && Double.isFinite(p[1]) && (x.scale() != Scale.LOG || p[0] > 0)
                && (y.scale() != Scale.LOG || p[1] > 0);
    }

    /** The span an axis shows, in its own space (log10 for a log axis). */
    record Range(double min, double max) {
    }

    private Range range(Scale scale, List<Series> all, List<Line> fits, boolean horizontal) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<double[]> values = new ArrayList<>();
        all.forEach(s -> s.points().stream().filter(this::drawable).forEach(values::add));
        fits.forEach(l -> {
            values.add(new double[]{l.x1(), l.y1()});
            values.add(new double[]{l.x2(), l.y2()});
        });
        for (double[] p : values) {
            double v = horizontal ? p[0] : p[1];
            if (!Double.isFinite(v) || (scale == Scale.LOG && v <= 0)) {
                continue;
            }
            double t = scale == Scale.LOG ? Math.log10(v) : v;
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        if (!Double.isFinite(min)) {
            return new Range(0, 1);
        }
        if (scale == Scale.LINEAR && !horizontal && min > 0) {
            min = 0; // a linear value axis starts at zero, so that a 2 % wobble does not look like a cliff
        }
        if (max - min < 1e-12) {
            double pad = scale == Scale.LOG ? 0.5 : Math.max(Math.abs(max) * 0.1, 1);
            return new Range(min - pad, max + pad);
        }
        double pad = (max - min) * 0.04;
        return new Range(scale == Scale.LINEAR && min == 0 ? 0 : min - pad, max + pad);
    }

    /** Powers of ten on a log axis (with 2 and 5 between when the span is short); 1-2-5 steps on a linear one. */
    static List<Double> ticks(Axis axis, Range r) {
        List<Double> out = new ArrayList<>();
        if (axis.scale() == Scale.LOG && r.max() - r.min() < 0.7) {
            // under about half a decade no power of ten (or 2, 5 times one) may fall inside: round linear steps do
            Range values = new Range(Math.pow(10, r.min()), Math.pow(10, r.max()));
            return ticks(new Axis(axis.title(), Scale.LINEAR, axis.label(), axis.binary()), values).stream()
                    .filter(t -> t > 0).toList();
        }
        if (axis.scale() == Scale.LOG) {
            boolean dense = r.max() - r.min() < 2;
            for (int e = (int) Math.floor(r.min()); e <= Math.ceil(r.max()); e++) {
                for (double m : dense ? new double[]{1, 2, 5} : new double[]{1}) {
                    double t = Math.log10(m) + e;
                    if (t >= r.min() - 1e-9 && t <= r.max() + 1e-9) {
                        out.add(Math.pow(10, t));
                    }
                }
            }
            if (out.isEmpty()) {
                out.add(Math.pow(10, (r.min() + r.max()) / 2));
            }
            return out;
        }
        // a byte axis steps in the largest of B, KiB, MiB, GiB below its step, so that ticks read 2 MiB, not 1.91 MiB
        double rawStep = (r.max() - r.min()) / 5;
        double unit = axis.binary() && rawStep >= 1
                ? Math.pow(1024, Math.max(0, Math.floor(Math.log(rawStep) / Math.log(1024)))) : 1;
        double span = (r.max() - r.min()) / unit;
        double raw = span / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude
                : raw / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
        for (double t = Math.ceil(r.min() / unit / step) * step; t <= r.max() / unit + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t * unit);
        }
        return out;
    }

    private double px(Range r, double value) {
        double t = x.scale() == Scale.LOG ? Math.log10(value) : value;
        return LEFT + (t - r.min()) / (r.max() - r.min()) * (WIDTH - LEFT - RIGHT);
    }

    private double py(Range r, double value) {
        double t = y.scale() == Scale.LOG ? Math.log10(value) : value;
        return (HEIGHT - BOTTOM) - (t - r.min()) / (r.max() - r.min()) * (HEIGHT - BOTTOM - TOP);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
