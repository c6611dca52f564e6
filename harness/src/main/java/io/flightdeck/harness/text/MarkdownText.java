package io.flightdeck.harness.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from workloads, recordings and exceptions placed into Markdown (report.md, comparison.md): it must stay the
 * text it is, never become markup, a link, an HTML tag or entity, or a new line that breaks a table or a list. One
 * place decides how, for every Markdown file the tool writes.
 */
public final class MarkdownText {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n|\u2028|\u2029");
    /** What starts a block at the head of a line: a bullet or an ordered item ("- ", "1. "). */
    private static final Pattern BLOCK_START = Pattern.compile("^([-+]|\\d+[.)])(?=\\s|$)");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownText() {
    }

    /**
     * Plain text, inline: Markdown's punctuation ({@code \ ` * _ [ ] | # ~}) escaped with a backslash, {@code & < >}
     * as entities (so {@code &lt;} in a name reads as itself and {@code &#x202E;} cannot turn text around), line
     * breaks as spaces, other control characters shown as escapes ({@link TerminalText#safe}), and a list or heading
     * marker at the start escaped. Safe in a table cell, a list item, a heading or a paragraph.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        String flat = TerminalText.safe(LINE_BREAK.matcher(s).replaceAll(" "));
        StringBuilder out = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        Matcher start = BLOCK_START.matcher(out);
        if (start.find()) {
            out.insert(start.end() - 1, '\\'); // "\-", "1\."
        }
        return out.toString();
    }

    /**
     * A code span holding the text as it is: delimited by more backticks than any run inside it (CommonMark's rule),
     * padded when it starts or ends with one; line breaks as spaces, control characters as escapes.
     */
    public static String code(String s) {
        String flat = TerminalText.safe(LINE_BREAK.matcher(s == null ? "" : s).replaceAll(" "));
        String fence = "`".repeat(longestRun(flat) + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`") || flat.isBlank();
        return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
    }

    /**
     * A fenced code block of the lines, its fence longer than any backtick run inside so no line can close it; each
     * line's own line breaks and control characters shown as escapes, so one entry stays one line.
     */
    public static String codeBlock(String info, List<String> lines) {
        int longest = 0;
        StringBuilder body = new StringBuilder();
        for (String l : lines) {
            String safe = TerminalText.safe(l);
            longest = Math.max(longest, longestRun(safe));
            body.append(safe).append('\n');
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + (info == null ? "" : info) + "\n" + body + fence + "\n";
    }

    /**
     * A link: its text escaped, its target (a relative path the tool wrote) with what could end it or the link
     * percent-encoded.
     */
    public static String link(String text, String target) {
        StringBuilder t = new StringBuilder();
        String safe = TerminalText.safe(target == null ? "" : target);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '<' -> t.append("%3C");
                case '>' -> t.append("%3E");
                case ' ' -> t.append("%20");
                case '\\' -> t.append("%5C");
                case '%' -> t.append("%25");
                case '(' -> t.append("%28");
                case ')' -> t.append("%29");
                default -> t.append(c);
            }
        }
        // every character that could end the target early is encoded, so it needs no angle brackets, which some
        // renderers (and people reading the raw file) do not expect
        return "[" + escape(text) + "](" + t + ")";
    }

    private static int longestRun(String s) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(s);
        while (m.find()) {
            longest = Math.max(longest, m.end() - m.start());
        }
        return longest;
    }
}
