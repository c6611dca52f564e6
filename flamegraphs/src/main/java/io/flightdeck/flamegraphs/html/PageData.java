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
            json.writeEndObject();
        }
        json.writeEndObject();
        json.flush();
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
