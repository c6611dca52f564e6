package io.flightdeck.flamegraphs.html;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

import io.flightdeck.flamegraphs.FlatTree;
import io.flightdeck.flamegraphs.FrameCategory;
import io.flightdeck.flamegraphs.FramePalette;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.diff.MethodDiff;

/**
 * The JSON a page's script reads: header facts, the palette, the name table and the nodes.
 *
 * <p>Compact by construction: every node is three numbers in preorder ({@code name, children, self}); totals,
 * depths and positions are derived by the page. Names are stored once, in a sorted, front-coded table. The page
 * then carries this JSON gzipped (see {@link HtmlFlameGraph}).
 *
 * <p>Safe inside a {@code <script>} element even unpacked: {@code <}, {@code >} and {@code &} are written as
 * {@code \u003c} escapes, so no frame name can close the element or open another.
 */
final class PageData {

    /** Bumped when the shape below changes, so a page can tell its data apart. */
    static final int FORMAT = 1;

    private static final JsonFactory JSON = new JsonFactory().setCharacterEscapes(new ScriptSafeEscapes());

    private PageData() {
    }

    static void write(FlatTree tree, GraphInfo info, Writer out) throws IOException {
        write(tree, null, info, out);
    }

    /** @param methods the method-by-method comparison of a differential tree, or null */
    static void write(FlatTree tree, MethodDiff methods, GraphInfo info, Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeNumberField("format", FORMAT);
        json.writeStringField("title", info.title());
        json.writeStringField("event", info.event());
        json.writeStringField("unit", info.unit().symbol());
        json.writeStringField("start", info.start() == null ? null : info.start().toString());
        json.writeStringField("end", info.end() == null ? null : info.end().toString());
        json.writeArrayFieldStart("notes");
        for (String note : info.notes()) {
            json.writeString(note);
        }
        json.writeEndArray();
        json.writeNumberField("total", tree.totalWeight());
        json.writeNumberField("truncated", tree.truncatedWeight());
        writePalette(json);
        writeNames(json, tree.names());
        // Why strings of digits: one character per name instead of a number and a comma.
        StringBuilder categories = new StringBuilder(tree.names().size());
        StringBuilder shades = new StringBuilder(tree.names().size());
        for (int i = 0; i < tree.names().size(); i++) {
            categories.append((char) ('0' + tree.category(i).ordinal()));
            shades.append((char) ('0' + FramePalette.shade(tree.names().get(i))));
        }
        json.writeStringField("categories", categories.toString());
        json.writeStringField("shades", shades.toString());
        json.writeArrayFieldStart("nodes");
        for (int node = 0; node < tree.size(); node++) {
            json.writeNumber(tree.nameIndex(node));
            json.writeNumber(tree.childCount(node));
            json.writeNumber(tree.self(node));
        }
        json.writeEndArray();
        if (tree.isDiff()) {
            json.writeObjectFieldStart("diff");
            json.writeNumberField("baselineTotal", tree.baselineTotal());
            json.writeArrayFieldStart("baseline");
            for (int node = 0; node < tree.size(); node++) {
                json.writeNumber(tree.baseline(node));
            }
            json.writeEndArray();
            if (methods != null) {
                writeMethods(json, tree.names(), methods);
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.flush();
    }

    /**
     * Per name of the table, how its method changed: {@code change} a digit per name (0 none, 1 grew, 2 shrank,
     * 3 new), the colour scale, the four shares (self and total, before and now) and which changes were
     * significant ({@code "1"} per significant name). The page colours frames from these, not from paths.
     */
    private static void writeMethods(JsonGenerator json, List<String> names, MethodDiff diff) throws IOException {
        json.writeObjectFieldStart("methods");
        json.writeStringField("explanation", diff.explanation());
        json.writeNumberField("scale", diff.colourScale());
        StringBuilder change = new StringBuilder(names.size());
        StringBuilder selfSignificant = new StringBuilder(names.size());
        StringBuilder totalSignificant = new StringBuilder(names.size());
        MethodDiff.Method[] byIndex = new MethodDiff.Method[names.size()];
        for (int i = 0; i < names.size(); i++) {
            MethodDiff.Method m = diff.method(names.get(i));
            byIndex[i] = m;
            change.append(m == null ? '0' : switch (m.change()) {
                case GREW -> '1';
                case SHRANK -> '2';
                case NEW -> '3';
                case GONE, NONE -> '0';
            });
            selfSignificant.append(m != null && m.selfSignificant() ? '1' : '0');
            totalSignificant.append(m != null && m.totalSignificant() ? '1' : '0');
        }
        json.writeStringField("change", change.toString());
        json.writeStringField("selfSignificant", selfSignificant.toString());
        json.writeStringField("totalSignificant", totalSignificant.toString());
        writeShares(json, "selfBefore", byIndex, MethodDiff.Method::baselineSelfShare);
        writeShares(json, "selfNow", byIndex, MethodDiff.Method::currentSelfShare);
        writeShares(json, "totalBefore", byIndex, MethodDiff.Method::baselineTotalShare);
        writeShares(json, "totalNow", byIndex, MethodDiff.Method::currentTotalShare);
        json.writeEndObject();
    }

    private static void writeShares(JsonGenerator json, String field, MethodDiff.Method[] methods,
                                    java.util.function.ToDoubleFunction<MethodDiff.Method> share) throws IOException {
        json.writeArrayFieldStart(field);
        for (MethodDiff.Method m : methods) {
            // Why rounded: six digits of a share are a hundred-thousandth of a point, and half the characters
            json.writeNumber(m == null ? 0 : Math.round(share.applyAsDouble(m) * 1e6) / 1e6);
        }
        json.writeEndArray();
    }

    /**
     * The sorted name table front-coded: {@code namePrefixes[i]} characters shared with the name before, then
     * {@code names[i]}, the rest. Sorted Java names share their package and class, so this halves the table.
     */
    private static void writeNames(JsonGenerator json, List<String> names) throws IOException {
        int[] prefixes = new int[names.size()];
        json.writeArrayFieldStart("names");
        String previous = "";
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int shared = sharedPrefix(previous, name);
            prefixes[i] = shared;
            json.writeString(name.substring(shared));
            previous = name;
        }
        json.writeEndArray();
        json.writeArrayFieldStart("namePrefixes");
        for (int prefix : prefixes) {
            json.writeNumber(prefix);
        }
        json.writeEndArray();
    }

    /** Characters two names share at their start, never ending between the halves of a surrogate pair. */
    static int sharedPrefix(String a, String b) {
        int limit = Math.min(a.length(), b.length());
        int n = 0;
        while (n < limit && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        if (n > 0 && Character.isHighSurrogate(a.charAt(n - 1))) {
            n--;
        }
        return n;
    }

    private static void writePalette(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("palette");
        json.writeArrayFieldStart("categories");
        String[][] table = FramePalette.table();
        for (FrameCategory category : FrameCategory.values()) {
            json.writeStartObject();
            json.writeStringField("label", category.label());
            json.writeArrayFieldStart("shades");
            for (String colour : table[category.ordinal()]) {
                json.writeString(colour);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("match", FramePalette.MATCH);
        json.writeStringField("neutral", FramePalette.NEUTRAL);
        json.writeStringField("root", FramePalette.ROOT);
        writeArray(json, "grew", FramePalette.diffRamp(true));
        writeArray(json, "shrank", FramePalette.diffRamp(false));
        json.writeEndObject();
    }

    private static void writeArray(JsonGenerator json, String field, String[] values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** JSON's own escapes plus {@code < > &}, and the line separators some parsers took for line ends. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {

        private final int[] ascii;

        ScriptSafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
