package io.flightdeck.profiling;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts every event of a recording by type id without decoding any, as {@code jfr summary} does: each chunk is a
 * header followed by records, and each record starts with its size and its type, so a reader can step from record
 * to record. That is how the analysis reports the counts of all event types while its stream decodes only the few
 * it uses. Layout (JFR file format 2.x): a 68-byte chunk header whose last field, "features", says whether integers
 * are compressed (bit 0); compressed integers are little-endian base-128, 7 bits a byte, the ninth byte whole.
 * Type ids 0 and 1 are the chunk's metadata and constant pools, not events. Ids are named by the metadata of the
 * chunk they are counted in ({@link ChunkMetadata}): in a file that joins two producers, one id means one type in
 * the JDK's chunks and another in async-profiler's.
 */
final class EventCounts {

    static final int CHUNK_HEADER = 68;

    private EventCounts() {
    }

    /** The most bytes of a metadata record read: the JDK's are about 100 KiB. */
    private static final int MAX_METADATA = 64 << 20;

    /**
     * Events by type name over every whole chunk ("type N" for an id the chunk's metadata does not name); stops
     * quietly at a cut or damaged chunk (the pass reports those).
     */
    static Map<String, Long> count(Path file) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        long left = Files.size(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                byte[] header = new byte[CHUNK_HEADER];
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    return counts;
                }
                if (header[0] != 'F' || header[1] != 'L' || header[2] != 'R' || header[3] != 0) {
                    return counts;
                }
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(header);
                long chunkSize = b.getLong(8);
                if (chunkSize < CHUNK_HEADER || chunkSize > left) {
                    return counts; // a chunk the file cannot hold: cut or damaged
                }
                left -= chunkSize;
                boolean compressed = (b.getInt(64) & 1) != 0;
                long position = CHUNK_HEADER;
                Map<Long, Long> chunk = new HashMap<>();
                Map<Long, String> names = new HashMap<>();
                try {
                    while (position < chunkSize) {
                        long[] size = read(in, compressed, true);
                        long[] type = read(in, compressed, false);
                        if (size[0] <= 0 || position + size[0] > chunkSize) {
                            return counts; // damaged: keep what the whole chunks before it said
                        }
                        long rest = size[0] - size[1] - type[1];
                        if (type[0] > 1) {
                            chunk.merge(type[0], 1L, Long::sum);
                            skipFully(in, rest);
                        } else if (type[0] == 0 && rest >= 0 && rest <= MAX_METADATA) {
                            names.putAll(names(in, (int) rest, compressed)); // a later record adds types
                        } else {
                            skipFully(in, rest);
                        }
                        position += size[0];
                    }
                } catch (EOFException e) {
                    return counts; // a cut chunk counts for nothing, as the chunk walk in the analyzer decides
                }
                chunk.forEach((id, n) -> counts.merge(names.getOrDefault(id, "type " + id), n, Long::sum));
            }
        }
    }

    /** The event types a metadata record of {@code length} bytes names; none when it cannot be read as one. */
    private static Map<Long, String> names(DataInputStream in, int length, boolean compressed) throws IOException {
        byte[] record = new byte[length];
        in.readFully(record);
        try {
            return ChunkMetadata.eventTypes(record, compressed);
        } catch (IOException | RuntimeException e) {
            return Map.of(); // its ids stay unnamed: the pass says what is wrong with the file, if anything
        }
    }

    /** {value, bytes read}: a compressed integer, or a fixed 4-byte int (sizes) / 8-byte long (types). */
    private static long[] read(DataInputStream in, boolean compressed, boolean intSized) throws IOException {
        if (!compressed) {
            return intSized ? new long[] {in.readInt(), 4} : new long[] {in.readLong(), 8};
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return new long[] {value, i + 1};
            }
        }
        value |= (long) in.readUnsignedByte() << 56;
        return new long[] {value, 9};
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        if (n < 0) {
            throw new EOFException("negative skip");
        }
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }
}
