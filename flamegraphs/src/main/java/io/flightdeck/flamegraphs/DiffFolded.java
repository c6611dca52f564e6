package io.flightdeck.flamegraphs;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Two profiles as one folded file, {@code frames base current} a line, the form Brendan Gregg's difffolded.pl
 * writes and flamegraph.pl draws as a differential graph. Every stack of either profile appears once, with 0 where
 * a profile lacks it. Weights are the raw ones (not normalised: a reader that wants shares divides by each
 * column's sum), and lines are sorted by stack.
 */
public final class DiffFolded {

    private DiffFolded() {
    }

    /** Writes the union of both profiles' stacks; flushes but does not close {@code out}. */
    public static void write(CallTree baseline, CallTree current, Writer out) throws IOException {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(out, "out");
        Map<String, long[]> stacks = new TreeMap<>();
        collect(baseline, stacks, 0);
        collect(current, stacks, 1);
        StringBuilder chunk = new StringBuilder(16 * 1024);
        for (Map.Entry<String, long[]> stack : stacks.entrySet()) {
            chunk.append(stack.getKey()).append(' ').append(stack.getValue()[0]).append(' ')
                    .append(stack.getValue()[1]).append('\n');
            if (chunk.length() >= 8 * 1024) {
                out.append(chunk);
                chunk.setLength(0);
            }
        }
        out.append(chunk);
        out.flush();
    }

    private static void collect(CallTree tree, Map<String, long[]> stacks, int column) {
        StringBuilder line = new StringBuilder();
        tree.forEachStack((frames, length, self) -> {
            line.setLength(0);
            if (length == 0) {
                line.append(FoldedFormat.NO_FRAMES);
            }
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    line.append(';');
                }
                FoldedFormat.appendFrame(line, frames[i]);
            }
            stacks.computeIfAbsent(line.toString(), k -> new long[2])[column] += self;
        });
    }
}
