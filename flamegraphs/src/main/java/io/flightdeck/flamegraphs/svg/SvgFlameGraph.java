package io.flightdeck.flamegraphs.svg;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FlatTree;
import io.flightdeck.flamegraphs.FrameCategory;
import io.flightdeck.flamegraphs.FramePalette;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.diff.MethodDiff;
import io.flightdeck.flamegraphs.WeightUnit;

/**
 * A flame graph as a static SVG image: the same picture the HTML page draws in its flame view, unzoomed, for
 * places that cannot run a script (issue trackers, wikis, slides, e-mail).
 *
 * <p>Layout: {@link #DEFAULT_WIDTH} pixels wide, a header (title, facts, notes, legend) on top, then one row of
 * {@value #FRAME_HEIGHT} px per level with the root at the bottom. A frame's width is its share of the root's
 * total; children sit left-aligned inside their parent in the tree's order, so the parent's self weight is the
 * uncovered part on the right. Frames narrower than {@link #MIN_FRAME_WIDTH} are left out with their subtrees, and
 * a note says how many. Each frame is a {@code <g>} holding a {@code <title>} (the tooltip a browser shows on hover,
 * with the numbers the page's tooltip shows), a {@code <rect>} and, if it fits, a {@code <text>} label.
 *
 * <p>A differential graph is shaped like the current profile; each frame is coloured by how its share of the total
 * changed from the baseline (red grew, blue shrank, hatched new), as on the page.
 *
 * <p>Safety: the document is written with the JDK's {@link XMLStreamWriter}, which escapes text, and every string
 * that comes from the profile (frame names, title, event, notes) is first cleared of characters XML 1.0 forbids, so
 * any frame name gives a well-formed document in which it is text, never markup. The image has no script, no event
 * handler attribute and no reference outside itself; frame names never go into attributes.
 *
 * <p>The output has no encoding declaration, so it is read as UTF-8: give a UTF-8 {@link Writer}. {@code out} is
 * flushed, not closed.
 */
public final class SvgFlameGraph {

    /** The image's width in px. */
    public static final double DEFAULT_WIDTH = 1200;
    /** Frames narrower than this (px) are not drawn, nor their subtrees. */
    public static final double MIN_FRAME_WIDTH = 0.5;

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** Pitch of one level; the rect is one px less, leaving a gap between rows. */
    private static final int FRAME_HEIGHT = 16;
    private static final double CHAR_WIDTH = 7.2; // monospace at 12 px, an estimate: we cannot measure without a font
    private static final double MIN_LABEL_WIDTH = 24;
    private static final double PAD = 10;
    private static final String ROOT_FILL = FramePalette.ROOT;
    private static final String HATCH_ID = "new-frame-hatch";
    /** New frames: the strongest growth colour, under the hatch. Computed once: diffRamp builds a fresh array. */
    private static final String NEW_FILL = FramePalette.newFrame();
    private static final String MONOSPACE = "ui-monospace, Menlo, Consolas, DejaVu Sans Mono, monospace";
    private static final String SANS = "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif";
    private static final String FG = "#1d1f21";
    private static final String MUTED = "#5c6166";
    private static final String NOTE = "#8a4b00";
    private static final String LINE = "#d0d4d8";
    // Header text wraps at a character count; the estimates are generous so that proportional fonts fit.
    private static final int TITLE_CHARS = (int) ((DEFAULT_WIDTH - 2 * PAD) / (17 * 0.6));
    private static final int TEXT_CHARS = (int) ((DEFAULT_WIDTH - 2 * PAD) / CHAR_WIDTH);
    private static final int MAX_LINES = 4;

    private SvgFlameGraph() {
    }

    /** Writes the flame graph of one profile; an empty tree gives a small "no samples" image. */
    public static void write(CallTree tree, GraphInfo info, Writer out) throws IOException {
        write(FlatTree.of(Objects.requireNonNull(tree, "tree")), info, out);
    }

    /**
     * Writes a differential graph: shaped like {@code current}, each frame coloured by whether its method's own share
     * changed significantly from {@code baseline} (see {@link MethodDiff}).
     */
    public static void writeDiff(CallTree baseline, CallTree current, GraphInfo info, Writer out) throws IOException {
        writeDiff(baseline, current, MethodDiff.of(baseline, current, info.unit()), info, out);
    }

    /** The same with the method comparison already made. */
    public static void writeDiff(CallTree baseline, CallTree current, MethodDiff methods, GraphInfo info, Writer out)
            throws IOException {
        write(FlatTree.diff(baseline, current), Objects.requireNonNull(methods, "methods"), info, out);
    }

    /**
     * Writes the graph of an already flattened tree, differential or not; a differential tree written this way is
     * coloured path by path, without a significance test.
     */
    public static void write(FlatTree tree, GraphInfo info, Writer out) throws IOException {
        write(tree, null, info, out);
    }

    private static void write(FlatTree tree, MethodDiff methods, GraphInfo info, Writer out) throws IOException {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(out, "out");
        try {
            // Why the default factory: newFactory() would pick up whatever StAX implementation is on the class path.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("1.0");
            xml.writeCharacters("\n");
            if (tree.totalWeight() <= 0) {
                writeEmpty(tree, methods, info, xml);
            } else {
                writeGraph(tree, methods, info, xml);
            }
            xml.writeEndDocument();
            xml.flush();
            xml.close(); // does not close out
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot write SVG: " + e.getMessage(), e);
        }
        out.flush();
    }

    // ---------- layout ----------

    /** One line of header text. */
    private record Line(String text, int fontSize, String fill, boolean bold) {
    }

    private static void writeGraph(FlatTree tree, MethodDiff methods, GraphInfo info, XMLStreamWriter xml)
            throws XMLStreamException {
        int n = tree.size();
        long rootTotal = tree.totalWeight();
        double scale = DEFAULT_WIDTH / rootTotal;

        // Parents, left offsets (in weight units from the root's left edge) and subtree ends, from the preorder
        // and the depths alone: the last node seen one level up is the parent. No recursion, so any depth is fine.
        int[] parent = new int[n];
        long[] left = new long[n];
        long[] nextLeft = new long[n];
        int[] lastAtDepth = new int[tree.maxDepth() + 1];
        parent[0] = -1;
        for (int i = 1; i < n; i++) {
            int depth = tree.depth(i);
            int p = lastAtDepth[depth - 1];
            parent[i] = p;
            left[i] = nextLeft[p];
            nextLeft[p] += tree.total(i);
            nextLeft[i] = left[i];
            lastAtDepth[depth] = i;
        }
        int[] end = new int[n];
        Arrays.fill(end, 1); // subtree sizes first
        for (int i = n - 1; i > 0; i--) {
            end[parent[i]] += end[i];
        }
        for (int i = 0; i < n; i++) {
            end[i] += i;
        }

        // What will be drawn: the height depends on the deepest drawn frame, the header on how many are left out.
        // Every descendant of a narrow frame is at most as wide, so the whole subtree is counted as narrow.
        int omitted = 0;
        int deepest = 0;
        for (int i = 0; i < n;) {
            if (tree.total(i) * scale < MIN_FRAME_WIDTH) {
                omitted += end[i] - i;
                i = end[i];
            } else {
                deepest = Math.max(deepest, tree.depth(i));
                i++;
            }
        }
        int levels = deepest + 1;

        double diffScale = 0;
        if (methods != null) {
            diffScale = methods.colourScale();
        } else if (tree.isDiff()) {
            for (int i = 1; i < n; i++) {
                if (tree.baseline(i) != FlatTree.ABSENT) {
                    diffScale = Math.max(diffScale, Math.abs(change(tree, i)));
                }
            }
        }

        List<Line> header = header(tree, methods, info, omitted);
        double legendTop = PAD + linesHeight(header);
        double separator = legendTop + 20 + 8;
        double top = separator + 10;
        double height = top + levels * FRAME_HEIGHT + PAD;

        startSvg(xml, height, info);
        if (tree.isDiff()) {
            writeHatch(xml);
        }
        writeLines(xml, header, PAD);
        writeLegend(xml, tree.isDiff(), legendTop);
        xml.writeEmptyElement("line");
        attr(xml, "x1", 0);
        attr(xml, "y1", separator);
        attr(xml, "x2", DEFAULT_WIDTH);
        attr(xml, "y2", separator);
        xml.writeAttribute("stroke", LINE);
        xml.writeAttribute("stroke-width", "1");
        xml.writeCharacters("\n");

        xml.writeStartElement("g");
        xml.writeAttribute("id", "frames");
        xml.writeAttribute("font-family", MONOSPACE);
        xml.writeAttribute("font-size", "12");
        xml.writeCharacters("\n");
        for (int i = 0; i < n;) {
            double width = tree.total(i) * scale;
            if (width < MIN_FRAME_WIDTH) {
                i = end[i];
                continue;
            }
            double y = top + (levels - 1 - tree.depth(i)) * FRAME_HEIGHT;
            writeFrame(xml, tree, methods, info.unit(), i, parent[i], left[i] * scale, y, width, diffScale);
            i++;
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void writeEmpty(FlatTree tree, MethodDiff methods, GraphInfo info, XMLStreamWriter xml)
            throws XMLStreamException {
        List<Line> header = header(tree, methods, info, 0);
        header.add(new Line("No samples: this profile is empty, so there is no flame graph to draw.", 16, MUTED,
                false));
        double height = PAD + linesHeight(header) + PAD;
        startSvg(xml, height, info);
        writeLines(xml, header, PAD);
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** Title, facts and notes, as the page's header shows them, wrapped to the image's width. */
    private static List<Line> header(FlatTree tree, MethodDiff methods, GraphInfo info, int omitted) {
        WeightUnit unit = info.unit();
        List<Line> lines = new ArrayList<>();
        for (String line : wrap(safe(info.title()), TITLE_CHARS)) {
            lines.add(new Line(line, 17, FG, true));
        }
        List<String> facts = new ArrayList<>();
        facts.add(safe(info.event()));
        facts.add("total " + weight(tree.totalWeight(), unit));
        if (tree.isDiff()) {
            facts.add("baseline total " + weight(tree.baselineTotal(), unit));
        }
        if (info.start() != null && info.end() != null) {
            double seconds = Duration.between(info.start(), info.end()).toMillis() / 1000.0;
            facts.add("recorded " + instant(info.start()) + " to " + instant(info.end()) + " ("
                    + fixed(seconds, 1) + " s)");
        }
        for (String line : wrap(String.join(" · ", facts), TEXT_CHARS)) {
            lines.add(new Line(line, 12, MUTED, false));
        }
        List<String> notes = new ArrayList<>();
        if (methods != null) {
            notes.add("Differential graph: shaped like the current profile. " + methods.explanation());
        } else if (tree.isDiff()) {
            notes.add("Differential graph: shaped like the current profile; each frame is coloured by how its share"
                    + " of the total changed from the baseline (red grew, blue shrank, hatched is new). Shares are"
                    + " normalised to each profile's total.");
        }
        for (String note : info.notes()) {
            notes.add(safe(note));
        }
        if (tree.truncatedWeight() > 0) {
            notes.add(weight(tree.truncatedWeight(), unit) + " ("
                    + percent((double) tree.truncatedWeight() / tree.totalWeight())
                    + ") sits on shallower frames than recorded: the call tree reached its node cap.");
        }
        if (omitted > 0) {
            notes.add(grouped(omitted) + (omitted == 1 ? " frame narrower than " : " frames narrower than ")
                    + trim(MIN_FRAME_WIDTH) + " px " + (omitted == 1 ? "is" : "are") + " not drawn");
        }
        for (String note : notes) {
            for (String line : wrap("• " + note, TEXT_CHARS)) {
                lines.add(new Line(line, 12, NOTE, false));
            }
        }
        return lines;
    }

    /** As the page prints an instant: "2024-05-01 10:00:00Z", fractions of a second dropped. */
    private static String instant(Instant instant) {
        return instant.toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z");
    }

    private static double lineHeight(Line line) {
        return Math.round(line.fontSize() * 1.4);
    }

    private static double linesHeight(List<Line> lines) {
        double sum = 0;
        for (Line line : lines) {
            sum += lineHeight(line);
        }
        return sum;
    }

    // ---------- elements ----------

    private static void startSvg(XMLStreamWriter xml, double height, GraphInfo info) throws XMLStreamException {
        xml.writeStartElement("", "svg", SVG_NS);
        xml.writeDefaultNamespace(SVG_NS);
        xml.writeAttribute("version", "1.1");
        attr(xml, "width", DEFAULT_WIDTH);
        attr(xml, "height", height);
        xml.writeAttribute("viewBox", "0 0 " + trim(DEFAULT_WIDTH) + " " + trim(height));
        xml.writeAttribute("role", "img");
        xml.writeCharacters("\n");
        // The document's own title: its accessible name and what a viewer shows as its caption.
        xml.writeStartElement("title");
        xml.writeCharacters(safe(info.title()) + " — " + safe(info.event()));
        xml.writeEndElement();
        xml.writeCharacters("\n");
        // Why a background: a transparent image is unreadable in a dark viewer.
        xml.writeEmptyElement("rect");
        xml.writeAttribute("width", "100%");
        xml.writeAttribute("height", "100%");
        xml.writeAttribute("fill", "#ffffff");
        xml.writeCharacters("\n");
    }

    /** The diagonal white stripes over new frames; the page draws the same tile on its canvas. */
    private static void writeHatch(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("defs");
        xml.writeStartElement("pattern");
        xml.writeAttribute("id", HATCH_ID);
        xml.writeAttribute("width", "6");
        xml.writeAttribute("height", "6");
        xml.writeAttribute("patternUnits", "userSpaceOnUse");
        xml.writeEmptyElement("path");
        // The two short strokes fill the tile's corners so that tiles join into unbroken stripes.
        xml.writeAttribute("d", "M-1,1 L1,-1 M0,6 L6,0 M5,7 L7,5");
        xml.writeAttribute("stroke", "#ffffff");
        xml.writeAttribute("stroke-opacity", "0.75");
        xml.writeAttribute("stroke-width", "1.5");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void writeLines(XMLStreamWriter xml, List<Line> lines, double top) throws XMLStreamException {
        xml.writeStartElement("g");
        xml.writeAttribute("id", "header");
        xml.writeAttribute("font-family", SANS);
        double y = top;
        for (Line line : lines) {
            double height = lineHeight(line);
            xml.writeStartElement("text");
            attr(xml, "x", PAD);
            attr(xml, "y", y + height - Math.round(line.fontSize() * 0.35));
            attr(xml, "font-size", line.fontSize());
            xml.writeAttribute("fill", line.fill());
            if (line.bold()) {
                xml.writeAttribute("font-weight", "bold");
            }
            xml.writeCharacters(line.text());
            xml.writeEndElement();
            y += height;
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void writeLegend(XMLStreamWriter xml, boolean diff, double top) throws XMLStreamException {
        xml.writeStartElement("g");
        xml.writeAttribute("id", "legend");
        xml.writeAttribute("font-family", SANS);
        xml.writeAttribute("font-size", "12");
        double x = PAD;
        if (diff) {
            x = legendEntry(xml, x, top, NEW_FILL, "grew", false);
            x = legendEntry(xml, x, top, FramePalette.diffRamp(false)[FramePalette.DIFF_STEPS], "shrank", false);
            x = legendEntry(xml, x, top, FramePalette.NEUTRAL, "unchanged", false);
            legendEntry(xml, x, top, NEW_FILL, "new", true);
        } else {
            for (FrameCategory category : FrameCategory.values()) {
                x = legendEntry(xml, x, top, FramePalette.color(category, 3), category.label(), false);
            }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static double legendEntry(XMLStreamWriter xml, double x, double top, String fill, String label,
                                      boolean hatched) throws XMLStreamException {
        swatch(xml, x, top + 5, fill);
        if (hatched) {
            swatch(xml, x, top + 5, "url(#" + HATCH_ID + ")");
        }
        xml.writeStartElement("text");
        attr(xml, "x", x + 16);
        attr(xml, "y", top + 15);
        xml.writeAttribute("fill", MUTED);
        xml.writeCharacters(label);
        xml.writeEndElement();
        return x + 16 + label.length() * CHAR_WIDTH + 14;
    }

    private static void swatch(XMLStreamWriter xml, double x, double y, String fill) throws XMLStreamException {
        xml.writeEmptyElement("rect");
        attr(xml, "x", x);
        attr(xml, "y", y);
        xml.writeAttribute("width", "12");
        xml.writeAttribute("height", "12");
        xml.writeAttribute("fill", fill);
        xml.writeAttribute("stroke", "#000000");
        xml.writeAttribute("stroke-opacity", "0.25");
    }

    private static void writeFrame(XMLStreamWriter xml, FlatTree tree, MethodDiff methods, WeightUnit unit, int node,
                                   int parent, double x, double y, double width, double diffScale)
            throws XMLStreamException {
        String name = node == 0 ? "all" : safe(tree.name(node));
        MethodDiff.Method method = methods == null || node == 0 ? null : methods.method(tree.name(node));
        boolean isNew = methods != null ? method != null && method.change() == MethodDiff.Change.NEW
                : tree.isDiff() && tree.baseline(node) == FlatTree.ABSENT;
        String fill;
        if (methods != null) {
            fill = isNew ? NEW_FILL : method == null ? FramePalette.NEUTRAL : switch (method.change()) {
                case GREW, SHRANK -> FramePalette.diffColor(method.selfDelta(), diffScale);
                case NEW, GONE, NONE -> FramePalette.NEUTRAL;
            };
        } else if (tree.isDiff()) {
            fill = isNew ? NEW_FILL : FramePalette.diffColor(change(tree, node), diffScale);
        } else if (node == 0) {
            fill = ROOT_FILL;
        } else {
            fill = FramePalette.color(tree.category(tree.nameIndex(node)), FramePalette.shade(tree.name(node)));
        }
        xml.writeStartElement("g");
        xml.writeAttribute("class", "frame");
        xml.writeStartElement("title");
        xml.writeCharacters(describe(tree, method, node, parent, name, unit));
        xml.writeEndElement();
        frameRect(xml, x, y, width, fill);
        if (isNew) {
            frameRect(xml, x, y, width, "url(#" + HATCH_ID + ")");
        }
        if (width > MIN_LABEL_WIDTH) {
            String label = fit(name, width - 6);
            if (label != null) {
                xml.writeStartElement("text");
                attr(xml, "x", x + 3);
                attr(xml, "y", y + 11.5); // alphabetic baseline that centres 12 px glyphs in the 15 px rect
                xml.writeCharacters(label);
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void frameRect(XMLStreamWriter xml, double x, double y, double width, String fill)
            throws XMLStreamException {
        xml.writeEmptyElement("rect");
        attr(xml, "x", x);
        attr(xml, "y", y);
        attr(xml, "width", width);
        attr(xml, "height", FRAME_HEIGHT - 1);
        // Why rounded corners: neighbours of the same colour stay apart while widths stay exact.
        xml.writeAttribute("rx", "2");
        xml.writeAttribute("ry", "2");
        xml.writeAttribute("fill", fill);
    }

    private static void attr(XMLStreamWriter xml, String name, double value) throws XMLStreamException {
        xml.writeAttribute(name, trim(value));
    }

    // ---------- what a frame's numbers say (as the page's describe()) ----------

    /** The tooltip: name, category, total, self and, in a differential graph, the baseline and the change. */
    private static String describe(FlatTree tree, MethodDiff.Method method, int node, int parent, String name,
                                   WeightUnit unit) {
        long all = tree.totalWeight();
        StringBuilder text = new StringBuilder(name);
        if (node > 0) {
            text.append('\n').append(tree.category(tree.nameIndex(node)).label()).append(" frame");
        }
        text.append("\nTotal: ").append(weight(tree.total(node), unit)).append(", ")
                .append(percent((double) tree.total(node) / all)).append(" of all");
        if (parent >= 0) {
            text.append(", ").append(percent((double) tree.total(node) / tree.total(parent))).append(" of its parent");
        }
        text.append("\nSelf: ").append(weight(tree.self(node), unit)).append(", ")
                .append(percent((double) tree.self(node) / all)).append(" of all");
        if (method != null) {
            if (method.change() == MethodDiff.Change.NEW) {
                text.append("\nMethod not in the baseline at all — new in this profile");
            }
            text.append("\nMethod, self: ").append(percent(method.baselineSelfShare())).append(" → ")
                    .append(percent(method.currentSelfShare())).append(", ").append(points(method.selfDelta()))
                    .append(method.selfSignificant() ? " (significant)" : "");
            text.append("\nMethod, total: ").append(percent(method.baselineTotalShare())).append(" → ")
                    .append(percent(method.currentTotalShare())).append(", ").append(points(method.totalDelta()))
                    .append(method.totalSignificant() ? " (significant)" : "");
        }
        if (tree.isDiff()) {
            long before = tree.baseline(node);
            if (before == FlatTree.ABSENT && method != null) {
                text.append("\nBaseline: this path is absent (its method is matched on any path)");
            } else if (before == FlatTree.ABSENT) {
                text.append("\nBaseline: absent — new in this profile");
            } else {
                double share = tree.baselineTotal() > 0 ? (double) before / tree.baselineTotal() : 0;
                text.append("\nBaseline: ").append(weight(before, unit)).append(", ").append(percent(share))
                        .append(" of all");
                text.append("\nChange in share: ").append(points(change(tree, node)));
            }
        }
        return text.toString();
    }

    /** Share of the total now minus share of the total in the baseline; only for a path the baseline has. */
    private static double change(FlatTree tree, int node) {
        double now = (double) tree.total(node) / tree.totalWeight();
        double before = tree.baselineTotal() > 0 ? (double) tree.baseline(node) / tree.baselineTotal() : 0;
        return now - before;
    }

    // ---------- text ----------

    /**
     * The text with every character XML 1.0 forbids (controls, U+FFFE, U+FFFF, unpaired surrogates) replaced by
     * U+FFFD, and tab, line feed and carriage return by a space: labels and header lines are single lines, and a
     * line break inside a name would split a tooltip's lines.
     */
    private static String safe(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char replacement;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            } else if (c == '\t' || c == '\n' || c == '\r') {
                replacement = ' ';
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                replacement = '\uFFFD';
            } else {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n).append(text, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }

    /** The text cut to {@code room} px of 12 px monospace, ending in "…" when cut; null when not 2 characters fit. */
    private static String fit(String text, double room) {
        int fits = (int) Math.floor(room / CHAR_WIDTH);
        if (fits < 2) {
            return null;
        }
        return cut(text, fits);
    }

    /** At most {@code max} code points (never half a surrogate pair), the last an ellipsis when cut. */
    private static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Word-wrapped to lines of at most {@code max} code points; the last of {@link #MAX_LINES} is cut. */
    private static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (rest.codePointCount(0, rest.length()) <= max) {
                lines.add(rest);
                break;
            }
            if (lines.size() == MAX_LINES - 1) {
                lines.add(cut(rest, max));
                break;
            }
            int limit = rest.offsetByCodePoints(0, max);
            int space = rest.lastIndexOf(' ', limit);
            int at = space > 0 ? space : limit;
            lines.add(rest.substring(0, at).stripTrailing());
            rest = rest.substring(at).stripLeading();
        }
        return lines;
    }

    // ---------- numbers as people read them (the page's weight(), percent(), points()) ----------

    private static String weight(long value, WeightUnit unit) {
        switch (unit) {
            case BYTES:
                if (value < 1024) {
                    return grouped(value) + " bytes";
                }
                String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
                double scaled = value;
                int i = 0;
                while (scaled >= 1024 && i < units.length - 1) {
                    scaled /= 1024;
                    i++;
                }
                return fixed(scaled, scaled < 10 ? 2 : 1) + " " + units[i] + " (" + grouped(value) + " bytes)";
            case NANOSECONDS:
                if (value < 1_000) {
                    return grouped(value) + " ns";
                }
                if (value < 1_000_000) {
                    return fixed(value / 1e3, 1) + " µs";
                }
                if (value < 1_000_000_000) {
                    return fixed(value / 1e6, 1) + " ms";
                }
                return fixed(value / 1e9, 2) + " s";
            default:
                return grouped(value) + " " + (value == 1 && unit == WeightUnit.SAMPLES ? "sample" : unit.symbol());
        }
    }

    private static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "–";
        }
        double p = fraction * 100;
        if (p == 0 || Math.abs(p) >= 10) {
            return fixed(p, 1) + "%";
        }
        return (Math.abs(p) >= 0.01 ? fixed(p, 2) : exponential(p)) + "%";
    }

    /** A change of share in percentage points, signed. */
    private static String points(double change) {
        double p = change * 100;
        String sign = p > 0 ? "+" : p < 0 ? "−" : "±";
        double size = Math.abs(p);
        return sign + (size >= 0.01 || size == 0 ? fixed(size, 2) : exponential(size)) + " pp";
    }

    private static String grouped(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    private static String fixed(double value, int digits) {
        String text = String.format(Locale.ROOT, "%." + digits + "f", value);
        return text.startsWith("-") && Double.parseDouble(text) == 0 ? text.substring(1) : text;
    }

    /** As JavaScript's toExponential(1): "1.2e-3", not Java's "1.2e-03". */
    private static String exponential(double value) {
        String text = String.format(Locale.ROOT, "%.1e", value);
        int e = text.indexOf('e');
        int exponent = Integer.parseInt(text.substring(e + 1));
        return text.substring(0, e) + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** A coordinate with at most two decimals and no trailing zeros: small files, and exact for whole pixels. */
    private static String trim(double value) {
        long hundredths = Math.round(value * 100);
        String sign = hundredths < 0 ? "-" : "";
        hundredths = Math.abs(hundredths);
        long whole = hundredths / 100;
        int fraction = (int) (hundredths % 100);
        if (fraction == 0) {
            return sign + whole;
        }
        String digits = fraction % 10 == 0 ? String.valueOf(fraction / 10)
                : String.format(Locale.ROOT, "%02d", fraction);
        return sign + whole + "." + digits;
    }
}
