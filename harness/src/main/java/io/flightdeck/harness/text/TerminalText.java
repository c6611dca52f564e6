package io.flightdeck.harness.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text bound for a terminal. Names come from reports, recordings and workloads a user wrote (workload and case
 * names, thread and method names, JMC's rule text, exception messages); a terminal obeys any escape sequence among
 * them (clear the screen, set the window title, hide or reorder text) and a line break inside one splits a table
 * row. Every printer passes such text through {@link #safe}, which shows those characters as visible escapes.
 */
public final class TerminalText {

    /** The ellipsis a truncated cell ends with. */
    public static final String ELLIPSIS = "…";

    private TerminalText() {
    }

    /**
     * The text with every character a terminal would act on shown as an escape: C0 controls (ESC, CR, LF, TAB ...),
     * DEL, C1 controls, line and paragraph separators, and the bidirectional overrides and isolates that make a
     * terminal show characters in another order than they are. {@code null} reads "null".
     */
    public static String safe(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            String escape = escape(cp);
            if (escape != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i = next;
        }
        return out == null ? s : out.toString();
    }

    /** The visible form of a character a terminal would act on, null for a harmless one. */
    static String escape(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x1B -> "\\e";
            default -> {
                if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
                    yield String.format(Locale.ROOT, "\\x%02x", cp);
                }
                if (cp == 0x2028 || cp == 0x2029 || isBidiControl(cp) || cp == 0xFEFF) {
                    yield String.format(Locale.ROOT, "\\u%04x", cp);
                }
                if (!Character.isValidCodePoint(cp) || Character.getType(cp) == Character.SURROGATE) {
                    yield String.format(Locale.ROOT, "\\u%04x", cp); // a lone surrogate
                }
                yield null;
            }
        };
    }

    /** LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, and the marks LRM, RLM, ALM. */
    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    /** Terminal columns the text takes: emoji such as ✅ take two, a variation selector none. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += width(cp);
        }
        return w;
    }

    private static int width(int cp) {
        if (cp == 0xFE0F || cp == 0x200D || Character.getType(cp) == Character.NON_SPACING_MARK) {
            return 0; // the variation selector of ⚠️, joiners and combining marks add no width of their own
        }
        if (cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x1F000)) {
            return 2; // East Asian wide characters and emoji
        }
        // the dingbats and symbols this tool prints as status (✅ ❌ ⚠️ ❔), not the math signs (− ≤ ≥)
        return cp >= 0x2600 && cp <= 0x27BF ? 2 : 1;
    }

    /** The safe text cut to at most {@code columns} terminal columns, ending with an ellipsis when it was cut. */
    public static String truncate(String s, int columns) {
        String safe = safe(s);
        if (width(safe) <= columns) {
            return safe;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        int room = Math.max(0, columns - 1);
        for (int i = 0; i < safe.length(); ) {
            int cp = safe.codePointAt(i);
            int w = width(cp);
            if (used + w > room) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return columns <= 0 ? "" : out + ELLIPSIS;
    }

    /**
     * The safe text broken at spaces into lines of at most {@code columns}, the lines after the first indented by
     * {@code indent}; a word longer than a line is cut with an ellipsis.
     */
    public static List<String> wrap(String s, int columns, String indent) {
        String safe = safe(s);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int body = 0;
        while (body < safe.length() && safe.charAt(body) == ' ') {
            body++;
        }
        String prefix = safe.substring(0, body); // the first line keeps its own indent
        for (String word : safe.substring(body).split(" ", -1)) {
            if (line.length() > 0 || !prefix.isEmpty()) {
                int needed = width(prefix) + width(line.toString()) + (line.length() > 0 ? 1 : 0) + width(word);
                if (needed > columns && line.length() > 0) {
                    lines.add(prefix + line);
                    line.setLength(0);
                    prefix = indent;
                }
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(prefix + line);
        List<String> fitted = new ArrayList<>(lines.size());
        for (String l : lines) {
            fitted.add(width(l) <= columns ? l : truncate(l, columns));
        }
        return fitted;
    }
}
