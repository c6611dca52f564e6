package io.flightdeck.flamegraphs.svg;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FrameCategory;
import io.flightdeck.flamegraphs.FrameKind;
import io.flightdeck.flamegraphs.FramePalette;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.WeightUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SvgFlameGraphTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final GraphInfo INFO = GraphInfo.of("Test profile", "CPU (jdk.ExecutionSample)", WeightUnit.SAMPLES);

    // ---------- helpers ----------

    private static String svg(CallTree tree, GraphInfo info) throws IOException {
        StringWriter out = new StringWriter();
        SvgFlameGraph.write(tree, info, out);
        return out.toString();
    }

    private static String diffSvg(CallTree baseline, CallTree current) throws IOException {
        StringWriter out = new StringWriter();
        SvgFlameGraph.writeDiff(baseline, current, INFO, out);
        return out.toString();
    }

    /** Parses with the JDK's parser, namespace-aware; throws on anything not well-formed. */
    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(Node scope, String localName) {
        NodeList list = scope instanceof Document doc ? doc.getElementsByTagNameNS(SVG_NS, localName)
                : ((Element) scope).getElementsByTagNameNS(SVG_NS, localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static List<Element> allElements(Document doc) {
        NodeList list = doc.getElementsByTagNameNS("*", "*");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** A frame as drawn: its tooltip, its rects (fill first, then any overlay) and its label, if any. */
    private record Frame(Element group, String tooltip, List<Element> rects, String label) {
        String name() {
            return tooltip.lines().findFirst().orElseThrow();
        }

        double x() {
            return Double.parseDouble(rects.get(0).getAttribute("x"));
        }

        double y() {
            return Double.parseDouble(rects.get(0).getAttribute("y"));
        }

        double width() {
            return Double.parseDouble(rects.get(0).getAttribute("width"));
        }

        String fill() {
            return rects.get(0).getAttribute("fill");
        }
    }

    private static List<Frame> frames(Document doc) {
        List<Frame> frames = new ArrayList<>();
        for (Element g : elements(doc, "g")) {
            if (!"frame".equals(g.getAttribute("class"))) {
                continue;
            }
            List<Element> titles = elements(g, "title");
            List<Element> texts = elements(g, "text");
            assertThat(titles).hasSize(1);
            assertThat(texts.size()).isLessThanOrEqualTo(1);
            frames.add(new Frame(g, titles.get(0).getTextContent(), elements(g, "rect"),
                    texts.isEmpty() ? null : texts.get(0).getTextContent()));
        }
        return frames;
    }

    private static Frame frame(List<Frame> frames, String name) {
        return frames.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no frame " + name + " among " + frames.stream().map(Frame::name).toList()));
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static String text(Document doc) {
        return doc.getDocumentElement().getTextContent();
    }

    // ---------- tests ----------

    @Test
    void writesAWellFormedSvgDocument() throws Exception {
        CallTree tree = new CallTree();
        tree.add(List.of("main", "Service.handle", "java.util.HashMap.get(Object)"), 30);
        tree.add(List.of("main", "Service.handle"), 10);
        tree.add(List.of("main", "libc.so.6"), 20);

        String xml = svg(tree, INFO);
        Document doc = parse(xml);

        Element svg = doc.getDocumentElement();
        assertThat(svg.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(number(svg, "width")).isEqualTo(SvgFlameGraph.DEFAULT_WIDTH);
        double height = number(svg, "height");
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 1200 " + svg.getAttribute("height"));
        List<Frame> frames = frames(doc);
        assertThat(frames).extracting(Frame::name)
                .containsExactlyInAnyOrder("all", "main", "Service.handle", "java.util.HashMap.get(Object)",
                        "libc.so.6");
        assertThat(frames).allSatisfy(f -> assertThat(f.y() + 15).isLessThanOrEqualTo(height));
        Element layer = (Element) frames.get(0).group().getParentNode();
        assertThat(layer.getAttribute("font-family")).contains("monospace");
        assertThat(layer.getAttribute("font-size")).isEqualTo("12");
        assertThat(text(doc)).contains("Test profile", "CPU (jdk.ExecutionSample) · total 60 samples");
    }

    @Test
    void hostileNamesAreTextNeverMarkup() throws Exception {
        List<String> hostile = List.of("<script>alert(1)</script>", "\"quoted\"", "'single'", "a & b", "</svg>",
                "<img src=x onerror=alert(1)>", "]]>", "x<![CDATA[y", "<!-- c -->", "&amp;", "<?pi x?>");
        // One stack, so that every frame is the full width and its label is not cut.
        List<String> stack = new ArrayList<>(hostile);
        stack.add("ctl\u0001\u0000\u001b\uFFFE\uFFFFend");
        stack.add("lone\uD800high\uDC00low\uD83D\uDE00pair");
        stack.add("line\nbreak\ttab\rcr");
        CallTree tree = new CallTree();
        tree.add(stack, 10);
        GraphInfo info = new GraphInfo("<script>alert('title')</script>\u0007", "ev</svg>&", WeightUnit.SAMPLES,
                null, null, List.of("note <b onclick=x()>\uDBFF"));

        String xml = svg(tree, info);
        Document doc = parse(xml);

        List<Frame> frames = frames(doc);
        for (String name : hostile) {
            Frame frame = frame(frames, name);
            assertThat(frame.label()).as("label of %s", name).isEqualTo(name);
        }
        assertThat(frame(frames, "ctl\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDend").label()).isNotNull();
        assertThat(frame(frames, "lone\uFFFDhigh\uFFFDlow\uD83D\uDE00pair")).isNotNull();
        assertThat(frame(frames, "line break tab cr")).isNotNull();
        assertThat(text(doc)).contains("<script>alert('title')</script>\uFFFD", "ev</svg>&",
                "note <b onclick=x()>\uFFFD");

        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS("*", "img").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS("*", "b").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS("*", "foreignObject").getLength()).isZero();
        for (Element element : allElements(doc)) {
            assertThat(element.getNamespaceURI()).isEqualTo(SVG_NS);
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                assertThat(name.toLowerCase()).as("attribute of <%s>", element.getLocalName())
                        .doesNotStartWith("on").isNotEqualTo("href").isNotEqualTo("src").isNotEqualTo("style");
                if (attribute.getValue().contains("url(")) {
                    assertThat(attribute.getValue()).matches("url\\(#[A-Za-z0-9-]+\\)");
                }
            }
        }
        assertThat(xml).doesNotContain("<script", "<img", "<b ", "xlink", "<![CDATA[");
    }

    @Test
    void rootSpansTheWidthAndAChildItsShare() throws Exception {
        CallTree tree = new CallTree();
        tree.add(List.of("main", "half"), 50);
        tree.add(List.of("main", "other"), 30);
        tree.add(List.of("main"), 20);

        List<Frame> frames = frames(parse(svg(tree, INFO)));

        Frame root = frame(frames, "all");
        Frame main = frame(frames, "main");
        Frame half = frame(frames, "half");
        Frame other = frame(frames, "other");
        assertThat(root.x()).isZero();
        assertThat(root.width()).isEqualTo(SvgFlameGraph.DEFAULT_WIDTH);
        assertThat(root.fill()).isEqualTo("#c9ccd0");
        assertThat(main.width()).isEqualTo(SvgFlameGraph.DEFAULT_WIDTH);
        assertThat(half.x()).isZero();
        assertThat(half.width()).isEqualTo(SvgFlameGraph.DEFAULT_WIDTH / 2);
        assertThat(other.x()).isEqualTo(600);
        assertThat(other.width()).isEqualTo(360);
        // Root at the bottom, one 16 px row per level.
        assertThat(root.y() - main.y()).isEqualTo(16);
        assertThat(main.y() - half.y()).isEqualTo(16);
        assertThat(other.y()).isEqualTo(half.y());
        assertThat(half.tooltip()).contains("Total: 50 samples, 50.0% of all, 50.0% of its parent",
                "Self: 50 samples, 50.0% of all");
        assertThat(main.tooltip()).contains("Self: 20 samples, 20.0% of all");
        FrameCategory category = FrameCategory.of("half", FrameKind.UNKNOWN);
        assertThat(half.fill()).isEqualTo(FramePalette.color(category, FramePalette.shade("half")));
        assertThat(half.tooltip()).contains(category.label() + " frame");
    }

    @Test
    void framesNarrowerThanTheMinimumAreLeftOutAndCounted() throws Exception {
        CallTree tree = new CallTree();
        tree.add(List.of("main"), 4796);                       // 4,800 in all: 1 sample is 0.25 px
        tree.add(List.of("edge"), 2);                          // exactly 0.5 px: drawn
        tree.add(List.of("tiny", "deeper", "deepest"), 1);     // 0.25 px: 3 frames left out
        tree.add(List.of("speck"), 1);                         // 1 more

        Document doc = parse(svg(tree, INFO));

        List<Frame> frames = frames(doc);
        assertThat(frames).extracting(Frame::name).containsExactlyInAnyOrder("all", "main", "edge");
        assertThat(frame(frames, "edge").width()).isEqualTo(SvgFlameGraph.MIN_FRAME_WIDTH);
        assertThat(text(doc)).contains("4 frames narrower than 0.5 px are not drawn");
        // The height follows the frames drawn: no empty rows for the 3-deep subtree that was left out.
        Element separator = elements(doc, "line").get(0);
        double top = frames.stream().mapToDouble(Frame::y).min().orElseThrow();
        assertThat(top - number(separator, "y1")).isLessThan(16);
        assertThat(frames.stream().mapToDouble(Frame::y).distinct().count()).isEqualTo(2);
    }

    @Test
    void wideFramesAloneGiveNoOmissionNote() throws Exception {
        CallTree tree = new CallTree();
        tree.add(List.of("main", "a"), 5);
        assertThat(text(parse(svg(tree, INFO)))).doesNotContain("not drawn");
    }

    @Test
    void labelsAreCutToFitAndLeftOutOfNarrowFrames() throws Exception {
        CallTree tree = new CallTree();
        String longName = "com.example.a.very.long.package.name.SomeClass.someMethod(java.lang.String)";
        tree.add(List.of(longName), 100);                       // 100 px
        tree.add(List.of("narrow"), 22);                        // 22 px: room for 2 characters, but no label
        tree.add(List.of("rest"), 1078);

        List<Frame> frames = frames(parse(svg(tree, INFO)));

        Frame cut = frame(frames, longName);
        assertThat(cut.width()).isEqualTo(100);
        assertThat(cut.label()).endsWith("…").hasSize((int) ((100 - 6) / 7.2));
        assertThat(longName).startsWith(cut.label().substring(0, cut.label().length() - 1));
        assertThat(frame(frames, "narrow").label()).isNull();
        assertThat(frame(frames, "rest").label()).isEqualTo("rest");
        assertThat(frame(frames, "all").label()).isEqualTo("all");
    }

    @Test
    void cutLabelsNeverSplitASurrogatePair() throws Exception {
        CallTree tree = new CallTree();
        String emoji = "\uD83D\uDE00".repeat(40);
        tree.add(List.of(emoji), 100);
        tree.add(List.of("rest"), 1100);

        Frame frame = frame(frames(parse(svg(tree, INFO))), emoji);

        assertThat(frame.label()).isEqualTo("\uD83D\uDE00".repeat(12) + "…");
    }

    @Test
    void diffOfATreeAgainstItselfIsNeutralEverywhere() throws Exception {
        CallTree baseline = new CallTree();
        CallTree current = new CallTree();
        for (CallTree tree : List.of(baseline, current)) {
            tree.add(List.of("main", "a"), 30);
            tree.add(List.of("main", "b", "c"), 17);
            tree.add(List.of("other"), 3);
        }

        Document doc = parse(diffSvg(baseline, current));

        List<Frame> frames = frames(doc);
        assertThat(frames).hasSize(6);
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.rects()).hasSize(1);
            assertThat(f.fill()).isIn(FramePalette.NEUTRAL, "#c9ccd0");
            assertThat(f.tooltip()).contains("Change in share: ±0.00 pp");
        });
        assertThat(text(doc)).contains("grew", "shrank", "unchanged", "new", "baseline total 50 samples");
    }

    @Test
    void diffColoursGrowthShrinkageAndHatchesNewFrames() throws Exception {
        CallTree baseline = new CallTree();
        baseline.add(List.of("main", "a"), 50);
        baseline.add(List.of("main", "b"), 50);
        CallTree current = new CallTree();
        current.add(List.of("main", "a"), 160);
        current.add(List.of("main", "b"), 20);
        current.add(List.of("main", "fresh"), 20);

        Document doc = parse(diffSvg(baseline, current));

        List<Frame> frames = frames(doc);
        String red = FramePalette.diffRamp(true)[FramePalette.DIFF_STEPS];
        Frame a = frame(frames, "a");
        Frame b = frame(frames, "b");
        Frame fresh = frame(frames, "fresh");
        // a grew by 30 pp, b shrank by 40 pp (the largest change); colours are in proportion to the largest.
        assertThat(a.fill()).isEqualTo(FramePalette.diffRamp(true)[15]);
        assertThat(a.tooltip()).contains("Baseline: 50 samples, 50.0% of all", "Change in share: +30.00 pp");
        assertThat(b.fill()).isEqualTo(FramePalette.diffRamp(false)[FramePalette.DIFF_STEPS]);
        assertThat(b.tooltip()).contains("Change in share: −40.00 pp");
        assertThat(frame(frames, "main").fill()).isEqualTo(FramePalette.NEUTRAL);
        assertThat(a.rects()).hasSize(1);

        assertThat(fresh.fill()).isEqualTo(red);
        assertThat(fresh.rects()).hasSize(2);
        String overlay = fresh.rects().get(1).getAttribute("fill");
        assertThat(overlay).matches("url\\(#[A-Za-z0-9-]+\\)");
        String id = overlay.substring(5, overlay.length() - 1);
        List<Element> patterns = elements(doc, "pattern");
        assertThat(patterns).extracting(p -> p.getAttribute("id")).contains(id);
        Element pattern = patterns.stream().filter(p -> p.getAttribute("id").equals(id)).findFirst().orElseThrow();
        assertThat(((Element) pattern.getParentNode()).getLocalName()).isEqualTo("defs");
        assertThat(fresh.tooltip()).contains("Method not in the baseline at all — new in this profile",
                "Method, self: 0.0% → 10.0%, +10.00 pp (significant)").doesNotContain("Change in share");
        assertThat(a.tooltip()).contains("Method, self: 50.0% → 80.0%, +30.00 pp (significant)");
    }

    @Test
    void aFlameGraphHasNoHatchAndACategoryLegend() throws Exception {
        CallTree tree = new CallTree();
        tree.add(List.of("main", "a"), 5);

        Document doc = parse(svg(tree, INFO));

        assertThat(elements(doc, "pattern")).isEmpty();
        String text = text(doc);
        List<String> fills = allElements(doc).stream().map(e -> e.getAttribute("fill")).toList();
        for (FrameCategory category : FrameCategory.values()) {
            assertThat(text).contains(category.label());
            assertThat(fills).contains(FramePalette.color(category, 3));
        }
    }

    @Test
    void anEmptyTreeSaysSo() throws Exception {
        Document doc = parse(svg(new CallTree(), INFO));

        assertThat(text(doc)).contains("No samples: this profile is empty");
        assertThat(frames(doc)).isEmpty();
        assertThat(number(doc.getDocumentElement(), "height")).isLessThan(200);
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).isNotEmpty();
    }

    @Test
    void anEmptyDiffSaysSoToo() throws Exception {
        assertThat(text(parse(diffSvg(new CallTree(), new CallTree())))).contains("No samples");
    }

    @Test
    void aVeryDeepStackIsDrawnWithoutRecursion() throws Exception {
        List<String> stack = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            stack.add("frame" + i);
        }
        CallTree tree = new CallTree();
        tree.add(stack, 1);

        // Why a small thread stack: a recursive writer that survives 5,000 levels on the default stack fails here.
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(svg(tree, INFO));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();

        assertThat(result.get()).isInstanceOf(String.class);
        Document doc = parse((String) result.get());
        List<Frame> frames = frames(doc);
        assertThat(frames).hasSize(5_001);
        assertThat(number(doc.getDocumentElement(), "height")).isGreaterThan(5_001 * 16);
        assertThat(frame(frames, "frame4999").y()).isLessThan(frame(frames, "frame0").y());
    }

    @Test
    void headerFormatsTheUnitTheSpanAndTruncation() throws Exception {
        CallTree bytes = new CallTree();
        bytes.add(List.of("alloc"), 3L * 1024 * 1024 + 512 * 1024);
        GraphInfo info = GraphInfo.of("Allocations", "jdk.ObjectAllocationSample", WeightUnit.BYTES)
                .withSpan(Instant.parse("2024-05-01T10:00:00.125Z"), Instant.parse("2024-05-01T10:00:30.200Z"))
                .withNote("Weights are estimates.");
        String text = text(parse(svg(bytes, info)));
        assertThat(text).contains("total 3.50 MiB (3,670,016 bytes)",
                "recorded 2024-05-01 10:00:00Z to 2024-05-01 10:00:30Z (30.1 s)", "Weights are estimates.");

        CallTree nanos = new CallTree();
        nanos.add(List.of("lock"), 1_500_000);
        assertThat(text(parse(svg(nanos, GraphInfo.of("Locks", "jdk.JavaMonitorEnter", WeightUnit.NANOSECONDS)))))
                .contains("total 1.5 ms");

        CallTree samples = new CallTree(2);
        samples.add(List.of("a", "b"), 1_234_000);
        samples.add(List.of("a", "c"), 567);
        String sampleText = text(parse(svg(samples, INFO)));
        assertThat(sampleText).contains("total 1,234,567 samples",
                "567 samples (0.05%) sits on shallower frames than recorded");
    }

    @Test
    void longHeaderTextIsWrappedToTheWidth() throws Exception {
        CallTree tree = new CallTree();
        tree.add(List.of("a"), 1);
        String note = String.join(" ", Collections.nCopies(60, "word"));
        Document doc = parse(svg(tree, INFO.withNote(note)));

        List<String> lines = elements(doc, "text").stream().map(Element::getTextContent)
                .filter(t -> t.contains("word")).toList();
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines).allSatisfy(line -> assertThat(line.length() * 7.2).isLessThanOrEqualTo(1180.0));
        assertThat(String.join(" ", lines)).isEqualTo("• " + note);
    }
}
