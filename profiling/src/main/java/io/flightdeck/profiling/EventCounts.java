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
 * Type ids 0 and 1 are the chunk's metadata and constant pools, not events.
 */
final class EventCounts {

    static final int CHUNK_HEADER = 68;

    private EventCounts() {
    }

    /** Events by type id over every whole chunk; stops quietly at a cut or damaged chunk (the pass reports those). */
    static Map<Long, Long> count(Path file) throws IOException {
        Map<Long, Long> counts = new HashMap<>();
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
                boolean compressed = (b.getInt(64) & 1) != 0;
                long position = CHUNK_HEADER;
                Map<Long, Long> chunk = new HashMap<>();
                try {
                    while (position < chunkSize) {
                        long[] size = read(in, compressed, true);
                        long[] type = read(in, compressed, false);
                        if (size[0] <= 0 || position + size[0] > chunkSize) {
                            return counts; // damaged: keep what the whole chunks before it said
                        }
                        if (type[0] > 1) {
                            chunk.merge(type[0], 1L, Long::sum);
                        }
                        skipFully(in, size[0] - size[1] - type[1]);
                        position += size[0];
                    }
                } catch (EOFException e) {
                    return counts; // a cut chunk counts for nothing, as the chunk walk in the analyzer decides
                }
                chunk.forEach((k, v) -> counts.merge(k, v, Long::sum));
            }
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
