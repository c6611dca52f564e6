package io.flightdeck.flamegraphs.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FlatTree;
import io.flightdeck.flamegraphs.GraphInfo;

/**
 * A flame graph as one self-contained HTML page: its script, style and data inline, no network request, opens
 * from {@code file://}. The page draws on a canvas (so that a million frames stay fast), zooms on click, searches
 * by text or regular expression, shows a frame's numbers on hover or keyboard focus, and switches between flame
 * (root at the bottom), icicle (root at the top) and inverted (callers of each leaf) views.
 *
 * <p>Frame names only ever reach the page as JSON strings read with {@code JSON.parse} and shown with {@code
 * textContent} or drawn on the canvas: never as markup. A Content-Security-Policy forbids every request and every
 * script but the page's own.
 */
public final class HtmlFlameGraph {

    private static final String TEMPLATE_RESOURCE = "flamegraph.html";
    private static final String DATA_MARK = "/*FLAMEGRAPH-DATA*/";
    private static final String HASH_MARK = "{{SCRIPT-HASH}}";
    private static final String[] TEMPLATE = loadTemplate();

    private HtmlFlameGraph() {
    }

    /** Writes the page of one profile; does not close {@code out}. An empty tree gives a "no samples" page. */
    public static void write(CallTree tree, GraphInfo info, Writer out) throws IOException {
        write(FlatTree.of(Objects.requireNonNull(tree, "tree")), info, out);
    }

    /**
     * Writes a differential page: shaped like {@code current}, each frame coloured by how its share of the total
     * changed from {@code baseline} (red grew, blue shrank, hatched new).
     */
    public static void writeDiff(CallTree baseline, CallTree current, GraphInfo info, Writer out) throws IOException {
        write(FlatTree.diff(baseline, current), info, out);
    }

    /** Writes the page of an already flattened tree. */
    public static void write(FlatTree tree, GraphInfo info, Writer out) throws IOException {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(out, "out");
        out.write(TEMPLATE[0]);
        PageData.write(tree, info, out);
        out.write(TEMPLATE[1]);
        out.flush();
    }

    /**
     * Puts the SHA-256 of the page's one executable script into its Content-Security-Policy: only that script may
     * run, so even markup that slipped into the page could not run an inline handler or a script of its own.
     */
    private static String withScriptHash(String template) {
        String open = "<script>";
        int start = template.lastIndexOf(open);
        int end = template.indexOf("</script>", start);
        if (start < 0 || end < 0 || !template.contains(HASH_MARK)) {
            throw new IllegalStateException(TEMPLATE_RESOURCE + " must hold one <script> and " + HASH_MARK);
        }
        String script = template.substring(start + open.length(), end);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return template.replace(HASH_MARK, Base64.getEncoder().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String[] loadTemplate() {
        try (InputStream in = HtmlFlameGraph.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATE_RESOURCE);
            }
            String template = withScriptHash(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            int mark = template.indexOf(DATA_MARK);
            if (mark < 0 || template.indexOf(DATA_MARK, mark + 1) >= 0) {
                throw new IllegalStateException(TEMPLATE_RESOURCE + " must hold " + DATA_MARK + " exactly once");
            }
            return new String[] {template.substring(0, mark), template.substring(mark + DATA_MARK.length())};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
