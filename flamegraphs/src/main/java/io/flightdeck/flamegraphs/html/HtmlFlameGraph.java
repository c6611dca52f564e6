package io.flightdeck.flamegraphs.html;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FlatTree;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.diff.MethodDiff;

/**
 * A flame graph as one self-contained HTML page: its script, style and data inline, no network request, opens
 * from {@code file://}. The page draws on a canvas (so that a million frames stay fast), zooms on click, searches
 * by text or regular expression, shows a frame's numbers on hover or keyboard focus, and switches between flame
 * (root at the bottom), icicle (root at the top) and inverted (callers of each leaf) views.
 *
 * <p>Frame names only ever reach the page as JSON strings read with {@code JSON.parse} and shown with {@code
 * textContent} or drawn on the canvas: never as markup. A Content-Security-Policy forbids every request and every
 * script but the page's own two.
 *
 * <p>Compact: the script and the data travel gzipped in Base64 and a small loader unpacks them with the browser's
 * {@code DecompressionStream} (Chrome 80, Firefox 113, Safari 16.4 and later).
 */
public final class HtmlFlameGraph {

    private static final String TEMPLATE_RESOURCE = "flamegraph.html";
    private static final String MAIN_OPEN = "<script type=\"text/x-flamegraph-main\">";
    private static final String OPEN = "<script>";
    private static final String CLOSE = "</script>";
    private static final String CODE_MARK = "/*FLAMEGRAPH-CODE*/";
    private static final String DATA_MARK = "/*FLAMEGRAPH-DATA*/";
    private static final String HASH_MARK = "{{SCRIPT-HASHES}}";
    private static final String[] TEMPLATE = loadTemplate();

    private HtmlFlameGraph() {
    }

    /** Writes the page of one profile; does not close {@code out}. An empty tree gives a "no samples" page. */
    public static void write(CallTree tree, GraphInfo info, Writer out) throws IOException {
        write(FlatTree.of(Objects.requireNonNull(tree, "tree")), info, out);
    }

    /**
     * Writes a differential page: shaped like {@code current}, each frame coloured by whether its method's own share
     * changed significantly from {@code baseline} (red grew, blue shrank, hatched new; see {@link MethodDiff}).
     */
    public static void writeDiff(CallTree baseline, CallTree current, GraphInfo info, Writer out) throws IOException {
        writeDiff(baseline, current, MethodDiff.of(baseline, current, info.unit()), info, out);
    }

    /** The same with the method comparison already made (a caller that also writes its table). */
    public static void writeDiff(CallTree baseline, CallTree current, MethodDiff methods, GraphInfo info, Writer out)
            throws IOException {
        write(FlatTree.diff(baseline, current), Objects.requireNonNull(methods, "methods"), info, out);
    }

    /** Writes the page of an already flattened tree. */
    public static void write(FlatTree tree, GraphInfo info, Writer out) throws IOException {
        write(tree, null, info, out);
    }

    private static void write(FlatTree tree, MethodDiff methods, GraphInfo info, Writer out) throws IOException {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(out, "out");
        ByteArrayOutputStream packed = new ByteArrayOutputStream(64 * 1024);
        // Why gzip's default level here: on a profile's JSON the best level saves 1 % and takes twice as long
        try (Writer json = new OutputStreamWriter(new GZIPOutputStream(packed, 64 * 1024), StandardCharsets.UTF_8)) {
            PageData.write(tree, methods, info, json);
        }
        out.write(TEMPLATE[0]);
        out.write(Base64.getEncoder().encodeToString(packed.toByteArray()));
        out.write(TEMPLATE[1]);
        out.flush();
    }

    /** The JSON a page carries, unpacked: for tools and tests that read a page back. */
    public static String embeddedJson(String page) throws IOException {
        String open = "<script type=\"application/octet-stream\" id=\"flamegraph-data\">";
        int start = page.indexOf(open);
        int end = page.indexOf("</script>", start);
        if (start < 0 || end < 0) {
            throw new IOException("not a Flightdeck flame graph page: no flamegraph-data block");
        }
        byte[] packed = Base64.getDecoder().decode(page.substring(start + open.length(), end).strip());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The template with its script packed: the main script (in a {@code text/x-flamegraph-main} block, which no
     * browser runs) is trimmed, gzipped and moved into the {@code flamegraph-code} block that the loader unpacks,
     * and both scripts' hashes go into the Content-Security-Policy, so only they may run. Returns the page's text
     * before and after the data.
     */
    private static String[] loadTemplate() {
        String template;
        try (InputStream in = HtmlFlameGraph.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATE_RESOURCE);
            }
            // Why: browsers hash a script's text with its line ends made \n; a CRLF checkout must hash the same
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int mainStart = template.indexOf(MAIN_OPEN);
        int mainEnd = template.indexOf(CLOSE, mainStart);
        require(mainStart >= 0 && mainEnd >= 0, "a " + MAIN_OPEN + " block");
        String main = trimLines(template.substring(mainStart + MAIN_OPEN.length(), mainEnd));
        template = template.substring(0, mainStart) + template.substring(mainEnd + CLOSE.length() + 1);
        int loaderStart = template.lastIndexOf(OPEN);
        int loaderEnd = template.indexOf(CLOSE, loaderStart);
        require(loaderStart >= 0 && loaderEnd >= 0, "a loader <script>");
        String loader = template.substring(loaderStart + OPEN.length(), loaderEnd);
        require(once(template, HASH_MARK) && once(template, CODE_MARK) && once(template, DATA_MARK),
                HASH_MARK + ", " + CODE_MARK + " and " + DATA_MARK + " once each");
        template = template.replace(HASH_MARK, "'sha256-" + sha256(loader) + "' 'sha256-" + sha256(main) + "'")
                .replace(CODE_MARK, gzipBase64(main));
        int data = template.indexOf(DATA_MARK);
        return new String[] {template.substring(0, data), template.substring(data + DATA_MARK.length())};
    }

    /** Leading blanks, blank lines and whole-line comments go: a fifth of the script, at no risk to its meaning. */
    private static String trimLines(String script) {
        StringBuilder out = new StringBuilder(script.length());
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("//")) {
                out.append(trimmed).append('\n');
            }
        }
        return out.toString();
    }

    private static boolean once(String text, String mark) {
        int at = text.indexOf(mark);
        return at >= 0 && text.indexOf(mark, at + 1) < 0;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(TEMPLATE_RESOURCE + " must hold " + what);
        }
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String gzipBase64(String text) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream gzip = new BestGzip(packed)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(packed.toByteArray());
    }

    /** gzip at its best compression, for the script: packed once per JVM, opened with every page. */
    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
