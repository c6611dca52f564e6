package io.flightdeck.harness.history;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.flightdeck.harness.files.AtomicFile;

/**
 * A trend as a small SVG line chart: one point per run, joined for the newest environment's runs; runs on other
 * environments are hollow grey points, not joined, so they cannot pass for part of the line. Written with the JDK's
 * XML writer, which escapes every name it is given.
 */
public final class TrendChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 320;
    static final int LEFT = 80;
    static final int RIGHT = 20;
    static final int TOP = 40;
    static final int BOTTOM = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private TrendChart() {
    }

    public static void write(Path file, String title, List<Trend.Row> rows, DoubleFunction<String> label)
            throws IOException {
        AtomicFile.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try {
                svg(XMLOutputFactory.newFactory().createXMLStreamWriter(w), title, rows, label);
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
            w.flush();
        });
    }

    private static void svg(XMLStreamWriter x, String title, List<Trend.Row> rows,
                            DoubleFunction<String> label) throws XMLStreamException {
        double min = rows.stream().mapToDouble(Trend.Row::value).min().orElse(0);
        double max = rows.stream().mapToDouble(Trend.Row::value).max().orElse(1);
        if (max - min < Math.abs(max) * 1e-9 + 1e-12) { // a flat line gets a band around it
            min -= Math.abs(min) * 0.05 + 1;
            max += Math.abs(max) * 0.05 + 1;
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("svg");
        x.writeDefaultNamespace("http://www.w3.org/2000/svg");
        x.writeAttribute("width", String.valueOf(WIDTH));
        x.writeAttribute("height", String.valueOf(HEIGHT));
        x.writeAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        x.writeAttribute("font-family", "sans-serif");
        x.writeAttribute("font-size", "12");
        text(x, LEFT, 22, title, "start", "14");
        line(x, LEFT, TOP, LEFT, TOP + plotH, "#888");
        line(x, LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#888");
        text(x, LEFT - 6, TOP + 4, label.apply(max), "end", null);
        text(x, LEFT - 6, TOP + plotH + 4, label.apply(min), "end", null);
        if (!rows.isEmpty()) {
            text(x, LEFT, TOP + plotH + 18, DAY.format(rows.get(0).time()), "start", null);
            text(x, LEFT + plotW, TOP + plotH + 18, DAY.format(rows.get(rows.size() - 1).time()), "end", null);
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Trend.Row r = rows.get(i);
            double px = LEFT + (rows.size() == 1 ? plotW / 2 : plotW * i / (rows.size() - 1));
            double py = TOP + plotH - plotH * (r.value() - min) / (max - min);
            if (r.sameEnvironment()) {
                path.append(path.length() == 0 ? "M" : " L").append(fmt(px)).append(' ').append(fmt(py));
            }
        }
        if (path.length() > 0) {
            x.writeEmptyElement("path");
            x.writeAttribute("d", path.toString());
            x.writeAttribute("fill", "none");
            x.writeAttribute("stroke", "#3366cc");
            x.writeAttribute("stroke-width", "2");
        }
        for (int i = 0; i < rows.size(); i++) {
            Trend.Row r = rows.get(i);
            double px = LEFT + (rows.size() == 1 ? plotW / 2 : plotW * i / (rows.size() - 1));
            double py = TOP + plotH - plotH * (r.value() - min) / (max - min);
            x.writeStartElement("circle");
            x.writeAttribute("cx", fmt(px));
            x.writeAttribute("cy", fmt(py));
            x.writeAttribute("r", "4");
            x.writeAttribute("fill", !r.sameEnvironment() ? "none" : r.warning() ? "#d62728" : "#3366cc");
            x.writeAttribute("stroke", r.sameEnvironment() ? "none" : "#999");
            x.writeStartElement("title");
            x.writeCharacters(DAY.format(r.time()) + " " + r.runId() + ": " + label.apply(r.value())
                    + (r.sameEnvironment() ? "" : " (another environment)"));
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        x.flush();
    }

    private static void line(XMLStreamWriter x, double x1, double y1, double x2, double y2, String colour)
            throws XMLStreamException {
        x.writeEmptyElement("line");
        x.writeAttribute("x1", fmt(x1));
        x.writeAttribute("y1", fmt(y1));
        x.writeAttribute("x2", fmt(x2));
        x.writeAttribute("y2", fmt(y2));
        x.writeAttribute("stroke", colour);
    }

    private static void text(XMLStreamWriter x, double px, double py, String s, String anchor, String size)
            throws XMLStreamException {
        x.writeStartElement("text");
        x.writeAttribute("x", fmt(px));
        x.writeAttribute("y", fmt(py));
        x.writeAttribute("text-anchor", anchor);
        if (size != null) {
            x.writeAttribute("font-size", size);
        }
        x.writeCharacters(s);
        x.writeEndElement();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
