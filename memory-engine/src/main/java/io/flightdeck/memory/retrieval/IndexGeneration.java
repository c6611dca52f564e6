package io.flightdeck.memory.retrieval;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One generation of the inverted index: its term dictionary, its documents and their statistics.
 * Compaction builds a new generation from the live documents and swaps it in whole.
 */
final class IndexGeneration {

    final ConcurrentHashMap<String, Postings> dictionary = new ConcurrentHashMap<>();
    final DocumentTable documents = new DocumentTable();
    final AtomicInteger nextTermId = new AtomicInteger();
    final AtomicInteger live = new AtomicInteger();
    final AtomicInteger tombstones = new AtomicInteger();
    /** Sum of the text lengths (in terms) of live documents, for BM25's average document length. */
    final LongAdder totalLength = new LongAdder();

    Postings postings(String term) {
        Postings p = dictionary.get(term);
        return p != null ? p : dictionary.computeIfAbsent(term, t -> new Postings(nextTermId.getAndIncrement()));
    }

    double averageLength() {
        int n = live.get();
        return n <= 0 ? 1.0 : Math.max(1.0, (double) totalLength.sum() / n);
    }
}
