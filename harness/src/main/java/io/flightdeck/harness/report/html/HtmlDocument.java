package io.flightdeck.harness.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.flightdeck.child.files.AtomicFile;
import io.flightdeck.harness.graphs.FlameGraphFiles;

/**
 * A self-contained report page under construction: its style inline, no script, and a Content-Security-Policy that
 * forbids every request, so that the page works from {@code file://}, on a machine with no network, and cannot be
 * made to fetch anything by the names it shows. Every piece of text goes in through jsoup's {@code text()} and
 * {@code attr()}, which escape it: a method or thread name with markup in it shows as that markup, literally.
 */
public final class HtmlDocument {

    /** No scripts at all, no fetches; inline style and data: images only. Links to other pages still navigate. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'";
    private static final String STYLE = loadStyle();

    private final Document document;
    private final Element main;

    public HtmlDocument(String title) {
        document = Document.createShell("");
        document.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
        document.selectFirst("html").attr("lang", "en");
        Element head = document.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content",
                CONTENT_SECURITY_POLICY);
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title);
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(STYLE));
        main = document.body().appendElement("main");
    }

    public Element main() {
        return main;
    }

    /** A folded section: a {@code details} with its summary; {@code open} unfolds it from the start. */
    public static Element section(Element parent, String title, boolean open) {
        Element details = parent.appendElement("details").addClass("section");
        if (open) {
            details.attr("open", true);
        }
        details.appendElement("summary").appendElement("h2").text(title);
        return details;
    }

    /** An element id made of a name: letters, digits, '-' and '_' kept, anything else a '-'. */
    public static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /**
     * A line of links to the folded sections of the page (those with an id), in page order, placed after {@code
     * anchor}: the reader jumps to a workload without unfolding everything above it.
     */
    public static void contents(Element main, Element anchor) {
        Element nav = new Element("nav").addClass("contents");
        nav.appendElement("strong").text("Contents: ");
        for (Element section : main.select("details.section[id]")) {
            Element heading = section.selectFirst("summary h2");
            nav.appendElement("a").attr("href", "#" + section.id()).text(heading == null ? section.id() : heading.text());
        }
        anchor.after(nav);
    }

    /**
     * A table with a header row; every cell is text. It goes into a box of its own that scrolls sideways when the
     * table cannot be narrower than its card (many figures that must stay on one line), so the page never does.
     */
    public static Element table(Element parent, List<String> header, List<List<String>> rows, String className) {
        Element table = parent.appendElement("div").addClass("table-scroll").appendElement("table");
        if (className != null) {
            table.addClass(className);
        }
        Element head = table.appendElement("thead").appendElement("tr");
        header.forEach(h -> head.appendElement("th").text(h));
        Element body = table.appendElement("tbody");
        for (List<String> row : rows) {
            Element tr = body.appendElement("tr");
            row.forEach(cell -> tr.appendElement("td").text(cell == null ? "" : cell));
        }
        return table;
    }

    /** A boxed list under a bold title: yellow, or red when {@code bad}. */
    public static Element callout(Element parent, String title, List<String> items, boolean bad) {
        Element box = parent.appendElement("div").addClass("callout");
        if (bad) {
            box.addClass("bad");
        }
        box.appendElement("strong").text(title);
        Element list = box.appendElement("ul");
        items.forEach(i -> list.appendElement("li").text(i));
        return box;
    }

    /** A paragraph of text. */
    public static Element paragraph(Element parent, String text) {
        return parent.appendElement("p").text(text);
    }

    /**
     * A link to another file of the run, by its path relative to this page: percent-encoded, so that a name with a
     * space, {@code #} or {@code %} still leads to its file.
     */
    public static Element link(Element parent, String relativePath, String text) {
        return parent.appendElement("a").attr("href", encodePath(relativePath)).text(text);
    }

    /** A line of links to flame graph pages under a bold title, each named by its kind (and fork). */
    public static void flameGraphLinks(Element parent, String title, List<String> relativePaths) {
        if (relativePaths == null || relativePaths.isEmpty()) {
            return;
        }
        Element p = parent.appendElement("p").addClass("graphs");
        p.appendElement("strong").text(title);
        relativePaths.forEach(g -> link(p, g, FlameGraphFiles.label(g)).addClass("flamegraph"));
    }

    static String encodePath(String relativePath) {
        String first = relativePath.split("/", 2)[0];
        // "a:b/c" would read as a link with the scheme "a"
        String path = first.contains(":") ? "./" + relativePath : relativePath;
        try {
            return new java.net.URI(null, null, path, null).getRawPath();
        } catch (java.net.URISyntaxException e) {
            return relativePath; // not reached: a path without scheme or authority always makes a URI
        }
    }

    public String html() {
        return "<!DOCTYPE html>\n" + document.html();
    }

    /** Written whole or not at all. */
    public void write(Path file) throws IOException {
        AtomicFile.writeString(file, html());
    }

    private static String loadStyle() {
        try (InputStream in = HtmlDocument.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the harness jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
