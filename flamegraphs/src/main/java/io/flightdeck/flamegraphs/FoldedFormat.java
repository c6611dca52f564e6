package io.flightdeck.flamegraphs;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The folded (collapsed) stack format that flamegraph.pl, speedscope and async-profiler's converter read
 * and write: one stack a line, frames root first separated by {@code ;}, then whitespace and the weight.
 *
 * <pre>
 * main;Service.handle;java.lang.Integer.getChars(int, int, byte[]) 42
 * </pre>
 *
 * <p>Reading is lenient in what the tools above produce:
 * <ul>
 *   <li>The weight is the token after the last space or tab, so frames may contain spaces (method
 *       signatures do); frames are split on {@code ;} only, and empty frames ({@code a;;b}, a trailing
 *       {@code ;}) are dropped.</li>
 *   <li>Two trailing numbers ({@code frames base current}, as difffolded.pl writes) take the last as the
 *       weight, as flamegraph.pl does. Like flamegraph.pl, this cannot tell such a line from a last frame
 *       that itself ends in a space and a number.</li>
 *   <li>A decimal weight is rounded half up; a weight of zero adds nothing.</li>
 *   <li>async-profiler's frame suffixes ({@code _[j]}, {@code _[i]}, {@code _[k]}, {@code _[0]},
 *       {@code _[1]}) are stripped from the name; the kind is kept ({@link CallTree#kindOf}).</li>
 *   <li>Blank lines, lines starting with {@code #}, {@code \r\n} endings and a leading byte order mark are
 *       ignored.</li>
 * </ul>
 * Anything else (no weight, a negative weight, a weight that is not a number or does not fit a long, no frames
 * before the weight, a line over {@link #MAX_LINE_CHARS}) is a {@link FoldedFormatException}.
 */
public final class FoldedFormat {

    /** The frame written for weight on no frame at all (a tree's root self), as the format has no empty stack. */
    public static final String NO_FRAMES = "[no frames]";

    /** The longest line read: 1 MiB of characters. */
    public static final int MAX_LINE_CHARS = 1 << 20;

    private static final int MAX_TOKEN_IN_MESSAGE = 40;

    private FoldedFormat() {
    }

    /**
     * Writes one {@code a;b;c weight} line per stack with self weight, in {@link CallTree#stacks()} order,
     * with {@code \n} endings; flushes but does not close {@code out}. Weight of empty stacks is written on
     * one frame, {@link #NO_FRAMES}. A {@code ;} inside a frame name becomes {@code :} and a line
     * break a space, as the format has no escapes.
     */
    public static void write(CallTree tree, Writer out) throws IOException {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(out, "out");
        StringBuilder chunk = new StringBuilder(16 * 1024);
        tree.forEachStack((frames, length, self) -> {
            if (length == 0) {
                chunk.append(NO_FRAMES); // the format has no empty stack: a reader would refuse the line
            }
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    chunk.append(';');
                }
                appendFrame(chunk, frames[i]);
            }
            chunk.append(' ').append(self).append('\n');
            if (chunk.length() >= 8 * 1024) {
                out.append(chunk);
                chunk.setLength(0);
            }
        });
        out.append(chunk);
        out.flush();
    }

    /** Reads a folded file (UTF-8). */
    public static CallTree read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /** Reads folded stacks into a new tree with the default node cap; does not close {@code in}. */
    public static CallTree read(Reader in) throws IOException {
        Objects.requireNonNull(in, "in");
        CallTree tree = new CallTree();
        BoundedLineReader lines = new BoundedLineReader(in, MAX_LINE_CHARS);
        LineParser parser = new LineParser(tree);
        String line;
        while ((line = lines.next()) != null) {
            long number = lines.lineNumber();
            if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            parser.parse(line, number);
        }
        return tree;
    }

    /** Splits an async-profiler suffix off a frame: {@code "foo_[j]"} is {@code foo} run as JIT-compiled Java. */
    public static Frame parseFrame(String rawFrame) {
        Objects.requireNonNull(rawFrame, "rawFrame");
        FrameKind kind = FrameKind.ofSuffix(rawFrame);
        String name = kind == FrameKind.UNKNOWN ? rawFrame : rawFrame.substring(0, rawFrame.length() - 4);
        return new Frame(name, kind);
    }

    static void appendFrame(StringBuilder out, String frame) {
        for (int i = 0; i < frame.length(); i++) {
            char c = frame.charAt(i);
            out.append(c == ';' ? ':' : c == '\n' || c == '\r' ? ' ' : c);
        }
    }

    /** Turns lines into stacks with buffers reused from line to line. */
    private static final class LineParser {

        private final CallTree tree;
        private String[] names = new String[64];
        private FrameKind[] kinds = new FrameKind[64];

        LineParser(CallTree tree) {
            this.tree = tree;
        }

        void parse(String line, long number) {
            int end = trimEnd(line, line.length());
            int first = 0;
            while (first < end && isBlank(line.charAt(first))) {
                first++;
            }
            if (first == end || line.charAt(first) == '#') {
                return;
            }
            int separator = lastBlank(line, end);
            if (separator < 0) {
                throw new FoldedFormatException(number, "no weight after the frames (expected 'frame;frame;... weight')");
            }
            long weight = parseWeight(line.substring(separator + 1, end), number);
            int framesEnd = trimEnd(line, separator);
            // Why: difffolded.pl writes "frames before after"; the last number is the profile this line is for.
            int before = lastBlank(line, framesEnd);
            if (before >= 0 && isUnsignedNumber(line, before + 1, framesEnd)) {
                framesEnd = trimEnd(line, before);
            }
            if (weight == 0) {
                return;
            }
            int count = split(line, framesEnd);
            if (count == 0) {
                throw new FoldedFormatException(number, "no frames before the weight (an empty stack)");
            }
            try {
                tree.add(names, count, weight);
            } catch (ArithmeticException overflow) {
                throw new FoldedFormatException(number, "total weight overflows a long");
            }
            for (int i = 0; i < count; i++) {
                tree.recordKind(names[i], kinds[i]);
            }
        }

        private int split(String line, int end) {
            int count = 0;
            int start = 0;
            while (start <= end) {
                int semicolon = line.indexOf(';', start);
                int stop = semicolon < 0 || semicolon > end ? end : semicolon;
                if (stop > start) {
                    if (count == names.length) {
                        names = Arrays.copyOf(names, count * 2);
                        kinds = Arrays.copyOf(kinds, count * 2);
                    }
                    Frame frame = parseFrame(line.substring(start, stop));
                    names[count] = frame.name();
                    kinds[count] = frame.kind();
                    count++;
                }
                start = stop + 1;
            }
            return count;
        }

        private static long parseWeight(String token, long number) {
            if (isUnsignedNumber(token, 0, token.length())) {
                try {
                    if (token.indexOf('.') < 0) {
                        return Long.parseLong(token);
                    }
                    return new BigDecimal(token).setScale(0, RoundingMode.HALF_UP).longValueExact();
                } catch (NumberFormatException | ArithmeticException tooBig) {
                    throw new FoldedFormatException(number, "weight " + quoted(token) + " does not fit a long");
                }
            }
            if (token.length() > 1 && token.charAt(0) == '-' && isUnsignedNumber(token, 1, token.length())) {
                throw new FoldedFormatException(number, "negative weight " + quoted(token));
            }
            throw new FoldedFormatException(number, "weight " + quoted(token) + " is not a number");
        }

        /** Digits, optionally followed by a dot and more digits: what flamegraph.pl accepts as a count. */
        private static boolean isUnsignedNumber(String text, int from, int to) {
            int i = from;
            while (i < to && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == from) {
                return false;
            }
            if (i < to && text.charAt(i) == '.') {
                i++;
                while (i < to && isDigit(text.charAt(i))) {
                    i++;
                }
            }
            return i == to;
        }

        private static String quoted(String token) {
            String shown = token.length() <= MAX_TOKEN_IN_MESSAGE ? token : token.substring(0, MAX_TOKEN_IN_MESSAGE) + "...";
            return "'" + shown + "'";
        }

        private static int trimEnd(String line, int end) {
            while (end > 0 && isBlank(line.charAt(end - 1))) {
                end--;
            }
            return end;
        }

        private static int lastBlank(String line, int end) {
            for (int i = end - 1; i >= 0; i--) {
                if (isBlank(line.charAt(i))) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
