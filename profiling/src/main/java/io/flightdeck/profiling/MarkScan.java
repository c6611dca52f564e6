package io.flightdeck.profiling;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the measured iterations' marks by reading the file's records directly, as {@link EventCounts} counts them.
 * Why not {@link jdk.jfr.consumer.EventStream} with only the marker registered: the stream still parses every chunk's
 * constant pools (the stack traces, methods and classes), which is most of the cost of the analysis itself; this
 * reads each chunk's metadata, skips chunks that do not declare the marker (every recording not made by our child),
 * and in the others decodes the marker's few fields, stepping over every other record by its size.
 *
 * <p>Layout (JFR file format 2.x): a 68-byte chunk header (chunk size at 8, metadata offset at 24, start nanos at
 * 32, start ticks at 48, ticks per second at 56, features at 64, bit 0 = compressed integers); the metadata event is
 * a string pool and a tree of elements ({@code class} elements with {@code field} children, each field naming its
 * type by id and whether it is a constant-pool reference); an event record is its size, its type id, then its fields
 * in the metadata's order. Anything else (uncompressed integers, a field type this does not know, a pooled phase)
 * throws {@link Unsupported}, and the caller reads the marks with the JDK's stream instead.
 */
final class MarkScan {

    private static final int HEADER = 68;

    /** The file holds something this reader does not decode: read it the JDK's way. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private MarkScan() {
    }

    /** The measured intervals of every whole chunk, in file order. */
    static List<MeasuredWindow.Interval> measured(Path file) throws IOException, Unsupported {
        List<MeasuredWindow.Interval> found = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long chunkStart = 0;
            while (chunkStart + HEADER <= size) {
                ByteBuffer h = ByteBuffer.allocate(HEADER);
                readFully(channel, h, chunkStart);
                if (h.get(0) != 'F' || h.get(1) != 'L' || h.get(2) != 'R' || h.get(3) != 0) {
                    break;
                }
                long chunkSize = h.getLong(8);
                long metadataOffset = h.getLong(24);
                if (chunkSize < HEADER || chunkStart + chunkSize > size || metadataOffset <= 0
                        || metadataOffset >= chunkSize || chunkSize > Integer.MAX_VALUE) {
                    break; // cut short or still being written (the analysis says so), or too big to map at once
                }
                if ((h.getInt(64) & 1) == 0) {
                    throw new Unsupported("uncompressed integers");
                }
                // one mapping a chunk: the records are read from memory, with no copy and no lock per byte
                ByteBuffer chunk = channel.map(FileChannel.MapMode.READ_ONLY, chunkStart, chunkSize);
                Map<Long, Layout> markers = markerLayouts(new Cursor(chunk, (int) metadataOffset));
                if (!markers.isEmpty()) {
                    Clock clock = new Clock(h.getLong(32), h.getLong(48), h.getLong(56));
                    events(new Cursor(chunk, HEADER), (int) chunkSize, markers, clock, found);
                }
                chunkStart += chunkSize;
            }
        }
        return found;
    }

    /** Ticks to instants exactly as the JDK's parser converts them (its divisor is a whole number of ticks a ns). */
    private record Clock(long startNanos, long startTicks, long ticksPerSecond) {
        Instant at(long ticks) {
            double divisor = ticksPerSecond / 1_000_000_000L;
            long nanos = startNanos + (long) ((ticks - startTicks) / divisor);
            return Instant.ofEpochSecond(0, nanos);
        }
    }

    /** How to read one marker record: the kinds of its fields in order, and where the three we need are. */
    private record Layout(List<Kind> fields, int start, int duration, int phase) {
    }

    private enum Kind { VARINT, BYTE, FOUR, EIGHT, STRING }

    /** A position in a chunk, reading JFR's integers; past the end it throws as a cut file would. */
    private static final class Cursor {
        final ByteBuffer buffer;
        int position;

        Cursor(ByteBuffer buffer, int position) {
            this.buffer = buffer;
            this.position = position;
        }

        int unsignedByte() throws EOFException {
            if (position >= buffer.limit()) {
                throw new EOFException();
            }
            return buffer.get(position++) & 0xff;
        }

        /** A compressed integer, little-endian base-128, the ninth byte whole. */
        long varint() throws EOFException {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                int b = unsignedByte();
                value |= (long) (b & 0x7f) << (7 * i);
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            return value | (long) unsignedByte() << 56;
        }

        long fixed(int bytes) throws EOFException {
            if (position + bytes > buffer.limit()) {
                throw new EOFException();
            }
            long v = bytes == 4 ? buffer.getInt(position) : buffer.getLong(position);
            position += bytes;
            return v;
        }

        byte[] bytes(long n) throws EOFException {
            if (n < 0 || position + n > buffer.limit()) {
                throw new EOFException();
            }
            byte[] out = new byte[(int) n];
            buffer.get(position, out);
            position += (int) n;
            return out;
        }
    }

    private static void events(Cursor in, int chunkSize, Map<Long, Layout> markers, Clock clock,
                               List<MeasuredWindow.Interval> found) throws Unsupported {
        try {
            while (in.position < chunkSize) {
                int recordStart = in.position;
                long recordSize = in.varint();
                long type = in.varint();
                if (recordSize <= 0 || recordStart + recordSize > chunkSize) {
                    return;
                }
                Layout layout = markers.get(type);
                if (layout != null) {
                    mark(in, layout, clock, found);
                }
                in.position = (int) (recordStart + recordSize);
            }
        } catch (EOFException e) {
            // a damaged record: what the chunk held before it is kept
        }
    }

    private static void mark(Cursor in, Layout layout, Clock clock, List<MeasuredWindow.Interval> found)
            throws EOFException, Unsupported {
        long start = 0;
        long duration = 0;
        String phase = null;
        for (int i = 0; i < layout.fields().size(); i++) {
            Kind kind = layout.fields().get(i);
            if (kind == Kind.STRING) {
                String s = string(in, i == layout.phase());
                if (i == layout.phase()) {
                    phase = s;
                }
                continue;
            }
            long value = switch (kind) {
                case VARINT -> in.varint();
                case BYTE -> in.unsignedByte();
                case FOUR -> in.fixed(4);
                default -> in.fixed(8);
            };
            if (i == layout.start()) {
                start = value;
            } else if (i == layout.duration()) {
                duration = value;
            }
        }
        if (MeasuredWindow.MEASURED.equals(phase) && duration >= 0) {
            found.add(new MeasuredWindow.Interval(clock.at(start), clock.at(start + duration)));
        }
    }

    /** A string field: null, empty, a pool reference (only allowed where its value is not needed), or inline. */
    private static String string(Cursor in, boolean needed) throws EOFException, Unsupported {
        int encoding = in.unsignedByte();
        switch (encoding) {
            case 0:
                return null;
            case 1:
                return "";
            case 2:
                in.varint();
                if (needed) {
                    throw new Unsupported("a pooled phase");
                }
                return null;
            case 3:
            case 5:
                return new String(in.bytes(in.varint()),
                        encoding == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            case 4: {
                long n = in.varint();
                if (n < 0 || n > in.buffer.limit()) {
                    throw new EOFException();
                }
                StringBuilder s = new StringBuilder((int) n);
                for (long i = 0; i < n; i++) {
                    s.append((char) in.varint());
                }
                return s.toString();
            }
            default:
                throw new Unsupported("string encoding " + encoding);
        }
    }

    /** The marker's layouts by type id, from the chunk's metadata event (empty when the chunk does not declare it). */
    private static Map<Long, Layout> markerLayouts(Cursor in) throws EOFException, Unsupported {
        in.varint(); // size
        if (in.varint() != 0) {
            throw new Unsupported("no metadata event where the header says");
        }
        in.varint(); // start time
        in.varint(); // duration
        in.varint(); // metadata id
        long strings = in.varint();
        if (strings < 0 || strings > in.buffer.limit()) {
            throw new Unsupported("a metadata string pool larger than its chunk");
        }
        List<String> pool = new ArrayList<>((int) strings);
        for (long i = 0; i < strings; i++) {
            pool.add(string(in, true));
        }
        Element root = element(in, pool, 0);
        Map<String, String> typeNames = new HashMap<>(); // id -> name, for the fields' types
        List<Element> classes = new ArrayList<>();
        for (Element metadata : root.children("metadata")) {
            for (Element c : metadata.children("class")) {
                typeNames.put(c.attributes().get("id"), c.attributes().get("name"));
                classes.add(c);
            }
        }
        Map<Long, Layout> layouts = new HashMap<>();
        for (Element c : classes) {
            if (MeasuredWindow.ITERATION_EVENT.equals(c.attributes().get("name"))) {
                try {
                    layouts.put(Long.parseLong(c.attributes().get("id")), layout(c, typeNames));
                } catch (NumberFormatException e) {
                    throw new Unsupported("a type id that is not a number");
                }
            }
        }
        return layouts;
    }

    private static Layout layout(Element c, Map<String, String> typeNames) throws Unsupported {
        List<Kind> kinds = new ArrayList<>();
        int start = -1;
        int duration = -1;
        int phase = -1;
        for (Element f : c.children("field")) {
            Map<String, String> a = f.attributes();
            if (a.containsKey("dimension") && !"0".equals(a.get("dimension"))) {
                throw new Unsupported("an array field");
            }
            String type = typeNames.get(a.get("class"));
            Kind kind;
            if (a.containsKey("constantPool") && !"false".equals(a.get("constantPool"))) {
                kind = Kind.VARINT;
            } else if (type == null) {
                throw new Unsupported("a field of an undeclared type");
            } else {
                kind = switch (type) {
                    case "long", "int", "short", "char" -> Kind.VARINT;
                    case "byte", "boolean" -> Kind.BYTE;
                    case "float" -> Kind.FOUR;
                    case "double" -> Kind.EIGHT;
                    case "java.lang.String" -> Kind.STRING;
                    default -> throw new Unsupported("a field of type " + type);
                };
            }
            switch (String.valueOf(a.get("name"))) {
                case "startTime" -> start = kinds.size();
                case "duration" -> duration = kinds.size();
                case MeasuredWindow.PHASE_FIELD -> phase = kinds.size();
                default -> {
                }
            }
            kinds.add(kind);
        }
        if (start < 0 || duration < 0 || phase < 0 || kinds.get(phase) != Kind.STRING) {
            throw new Unsupported("a marker without start, duration or phase");
        }
        return new Layout(List.copyOf(kinds), start, duration, phase);
    }

    private record Element(String name, Map<String, String> attributes, List<Element> children) {
        List<Element> children(String named) {
            return children.stream().filter(e -> e.name().equals(named)).toList();
        }
    }

    private static Element element(Cursor in, List<String> pool, int depth) throws EOFException, Unsupported {
        if (depth > 64) {
            throw new Unsupported("metadata nested too deep");
        }
        String name = pooled(in, pool);
        long attributeCount = in.varint();
        Map<String, String> attributes = new HashMap<>();
        for (long i = 0; i < attributeCount; i++) {
            attributes.put(pooled(in, pool), pooled(in, pool));
        }
        long childCount = in.varint();
        List<Element> children = new ArrayList<>((int) Math.min(Math.max(childCount, 0), 4096));
        for (long i = 0; i < childCount; i++) {
            children.add(element(in, pool, depth + 1));
        }
        return new Element(name, attributes, children);
    }

    private static String pooled(Cursor in, List<String> pool) throws EOFException, Unsupported {
        long index = in.varint();
        if (index < 0 || index >= pool.size()) {
            throw new Unsupported("a metadata string out of its pool");
        }
        return pool.get((int) index);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new EOFException();
            }
        }
    }
}
