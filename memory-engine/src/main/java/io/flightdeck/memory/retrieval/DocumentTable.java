package io.flightdeck.memory.retrieval;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Indexed episodes by doc id, growing in fixed chunks so that readers never lock and a writer never copies
 * more than the chunk directory.
 */
final class DocumentTable {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

    private volatile AtomicReferenceArray<IndexedEpisode>[] chunks = newDirectory(4);
    private final AtomicInteger nextId = new AtomicInteger();

    @SuppressWarnings({"unchecked", "rawtypes"}) // Java has no generic array creation
    private static AtomicReferenceArray<IndexedEpisode>[] newDirectory(int size) {
        return new AtomicReferenceArray[size];
    }

    int allocateId() {
        int id = nextId.getAndIncrement();
        ensureChunk(id >>> CHUNK_BITS);
        return id;
    }

    void set(IndexedEpisode episode) {
        chunks[episode.docId >>> CHUNK_BITS].set(episode.docId & (CHUNK_SIZE - 1), episode);
    }

    /** The episode with this doc id, or null when the id was allocated but not yet filled. */
    IndexedEpisode get(int docId) {
        AtomicReferenceArray<IndexedEpisode>[] dir = chunks;
        int c = docId >>> CHUNK_BITS;
        if (c >= dir.length || dir[c] == null) {
            return null;
        }
        return dir[c].get(docId & (CHUNK_SIZE - 1));
    }

    /** One past the highest doc id handed out. */
    int upperBound() {
        return nextId.get();
    }

    private void ensureChunk(int chunk) {
        AtomicReferenceArray<IndexedEpisode>[] dir = chunks;
        if (chunk < dir.length && dir[chunk] != null) {
            return;
        }
        synchronized (this) {
            dir = chunks;
            if (chunk >= dir.length) {
                AtomicReferenceArray<IndexedEpisode>[] grown = newDirectory(Math.max(dir.length * 2, chunk + 1));
                System.arraycopy(dir, 0, grown, 0, dir.length);
                dir = grown;
            } else {
                dir = dir.clone();
            }
            if (dir[chunk] == null) {
                dir[chunk] = new AtomicReferenceArray<>(CHUNK_SIZE);
            }
            chunks = dir;
        }
    }
}
