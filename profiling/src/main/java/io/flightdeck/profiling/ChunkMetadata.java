package io.flightdeck.profiling;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event type names a chunk's metadata record declares, by type id. Why: ids are per chunk, and a file joining
 * two producers (a JDK recording and async-profiler's) gives one id two meanings; async-profiler's execution sample
 * and the JDK's class loader statistics once shared one, and both {@code jfr summary} and a by-id count mixed them.
 *
 * <p>Layout (JFR file format 2.x, as the JDK's {@code MetadataReader} reads it), after the record's size and type:
 * start time, duration and metadata id; a string table (a count, then each string as an encoding byte and its
 * characters); then a tree of elements, each a name, attributes (key and value as indexes into the table) and
 * children. Event types are the {@code class} elements whose {@code superType} is {@code jdk.jfr.Event}.
 */
final class ChunkMetadata {

    private static final String EVENT = "jdk.jfr.Event";
    /** Deeper than any producer nests (root, metadata, class, field, annotation): a hostile file is refused. */
    private static final int MAX_DEPTH = 32;

    private final byte[] bytes;
    private final boolean compressed;
    private int position;
    /** Where the record ends in {@code bytes}. */
    private int limit;
    private final List<String> strings = new ArrayList<>();
    private final Map<Long, String> eventTypes = new HashMap<>();

    private ChunkMetadata(byte[] bytes, boolean compressed) {
        this.bytes = bytes;
        this.compressed = compressed;
        this.limit = bytes.length;
    }

    /**
     * The event types of a metadata record, by id.
     *
     * @param record     the record after its size and type fields
     * @param compressed whether the chunk's integers are compressed (its header's features, bit 0)
     * @throws IOException when the record is not metadata as the format has it
     */
    static Map<Long, String> eventTypes(byte[] record, boolean compressed) throws IOException {
        return new ChunkMetadata(record, compressed).read();
    }

    /**
     * The event types of the metadata record at the start of {@code bytes}, its size and type fields included (as a
     * chunk header's metadata offset points to it); bytes past the record are not read.
     */
    static Map<Long, String> eventTypesOfRecord(byte[] bytes, boolean compressed) throws IOException {
        ChunkMetadata reader = new ChunkMetadata(bytes, compressed);
        long size = reader.readInt();
        if (reader.readLong() != 0) {
            throw new IOException("not a metadata record");
        }
        if (size < reader.position || size > bytes.length) {
            throw new IOException("a metadata record of " + size + " bytes where " + bytes.length + " were read");
        }
        reader.limit = (int) size;
        return reader.read();
    }

    private Map<Long, String> read() throws IOException {
        readLong(); // start time
        readLong(); // duration
        readLong(); // metadata id
        int count = readCount();
        for (int i = 0; i < count; i++) {
            strings.add(readString());
        }
        element(0);
        return eventTypes;
    }

    private void element(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("metadata nested deeper than " + MAX_DEPTH);
        }
        String name = string();
        int attributes = readCount();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < attributes; i++) {
            String key = string();
            values.put(key, string());
        }
        if ("class".equals(name) && EVENT.equals(values.get("superType")) && values.get("name") != null) {
            try {
                eventTypes.put(Long.parseLong(values.getOrDefault("id", "")), values.get("name"));
            } catch (NumberFormatException e) {
                throw new IOException("an event type without a numeric id: " + values.get("name"));
            }
        }
        int children = readCount();
        for (int i = 0; i < children; i++) {
            element(depth + 1);
        }
    }

    private String string() throws IOException {
        long index = readInt();
        if (index < 0 || index >= strings.size()) {
            throw new IOException("a string index out of the table: " + index);
        }
        return strings.get((int) index);
    }

    /** A string of the table: encoding 0 null, 1 empty, 3 UTF-8, 4 characters, 5 Latin-1 (2, a constant, is none). */
    private String readString() throws IOException {
        int encoding = readByte();
        return switch (encoding) {
            case 0 -> null;
            case 1 -> "";
            case 3, 5 -> {
                int length = readCount();
                require(length);
                String s = new String(bytes, position, length,
                        encoding == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                position += length;
                yield s;
            }
            case 4 -> {
                int length = readCount();
                StringBuilder s = new StringBuilder(Math.min(length, 256));
                for (int i = 0; i < length; i++) {
                    s.append((char) (compressed ? readLong() : readFixed(2)));
                }
                yield s.toString();
            }
            default -> throw new IOException("a metadata string of encoding " + encoding);
        };
    }

    /** A count or length: never negative, never more than the bytes left could hold. */
    private int readCount() throws IOException {
        long n = readInt();
        if (n < 0 || n > limit - position) {
            throw new IOException("a count of " + n + " with " + (limit - position) + " bytes left");
        }
        return (int) n;
    }

    private long readInt() throws IOException {
        return compressed ? readLong() : (int) readFixed(4);
    }

    /** A compressed integer (little-endian base-128, the ninth byte whole) or, uncompressed, 8 bytes. */
    private long readLong() throws IOException {
        if (!compressed) {
            return readFixed(8);
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int b = readByte();
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return value | (long) readByte() << 56;
    }

    private long readFixed(int size) throws IOException {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | readByte();
        }
        return value;
    }

    private int readByte() throws IOException {
        require(1);
        return bytes[position++] & 0xff;
    }

    private void require(int n) throws EOFException {
        if (n > limit - position) {
            throw new EOFException("the metadata record ends early");
        }
    }
}
