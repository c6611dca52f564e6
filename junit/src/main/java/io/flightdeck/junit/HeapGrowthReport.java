package io.flightdeck.junit;

import java.util.List;
import java.util.Locale;

import io.flightdeck.junit.ClassHistogram.ClassGrowth;

/**
 * How much the live heap grew across some work, measured after a full collection on each side.
 *
 * @param liveBefore  live bytes before the work
 * @param liveAfter   live bytes after it
 * @param operations  how many operations the work did (1 for "the whole body")
 * @param grewMost    the classes that grew most, in bytes
 */
public record HeapGrowthReport(long liveBefore, long liveAfter, long operations, List<ClassGrowth> grewMost) {

    /** Classes a report names. */
    public static final int NAMED = 5;

    public HeapGrowthReport {
        if (operations < 1) {
            throw new IllegalArgumentException("operations must be at least 1, was " + operations);
        }
        grewMost = List.copyOf(grewMost);
    }

    /** Bytes the live heap grew (negative when it shrank). */
    public long growth() {
        return liveAfter - liveBefore;
    }

    public double bytesPerOperation() {
        return growth() / (double) operations;
    }

    /** The sentence a failed check says: the growth, the limit it passed, and who grew. */
    public String describe(String limit) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "live heap grew %,d bytes (%,d -> %,d after a full GC)", growth(), liveBefore, liveAfter));
        if (operations > 1) {
            out.append(String.format(Locale.ROOT, " over %,d operations: %,.1f bytes per operation", operations,
                    bytesPerOperation()));
        }
        out.append(", above the limit of ").append(limit).append('.');
        if (!grewMost.isEmpty()) {
            out.append(" Grew most:");
            for (ClassGrowth g : grewMost) {
                out.append(String.format(Locale.ROOT, " %s %+,d instances, %+,d bytes;", g.className(), g.instances(),
                        g.bytes()));
            }
            out.setLength(out.length() - 1);
            out.append('.');
        }
        return out.toString();
    }
}
