package io.flightdeck.memory.retrieval;

/**
 * The documents one term occurs in, in insertion order (so newest last), with the term's frequency in each.
 *
 * <p>One writer at a time appends (under this object's monitor); readers never lock. A reader takes
 * {@link #size()} first and then {@link #data()}: the array it gets is the one published with that size or a
 * later copy, and either holds every pair below the size it read (arrays are filled before they are published).
 */
final class Postings {

    final int termId;
    /** Interleaved pairs: {@code data[2i]} = doc id, {@code data[2i + 1]} = term frequency. */
    private volatile int[] data = new int[4];
    private volatile int size;

    Postings(int termId) {
        this.termId = termId;
    }

    synchronized void append(int docId, int frequency) {
        int[] d = data;
        int s = size;
        if (2 * s + 2 > d.length) {
            int[] grown = java.util.Arrays.copyOf(d, d.length * 2);
            data = grown;
            d = grown;
        }
        d[2 * s] = docId;
        d[2 * s + 1] = frequency;
        size = s + 1;
    }

    int size() {
        return size;
    }

    int[] data() {
        return data;
    }
}
