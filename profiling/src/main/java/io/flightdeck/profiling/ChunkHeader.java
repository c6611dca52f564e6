package io.flightdeck.profiling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first chunk header of a recording, read before the streaming pass: it tells a Flight Recorder file from
 * anything else with one clear message, and gives the recording's start, which relative {@code --from/--to}
 * windows are measured from. Layout (JFR file format, big-endian): magic "FLR\0", major and minor version (2 bytes
 * each), chunk size, constant pool offset, metadata offset (8 bytes each), start in epoch nanoseconds, duration in
 * nanoseconds.
 */
public record ChunkHeader(int major, int minor, long chunkSize, Instant start, long durationNanos) {

    static final int SIZE = 48;

    /**
     * Walks the chunk headers (each chunk says its size) and tells how many chunks are whole. A recording cut
     * short ends in a chunk that declares more bytes than the file has left; the JDK's streaming reader stops there
     * without a word, so this is how a cut is noticed.
     *
     * @return {whole chunks, bytes in them}; a file whose first chunk is already cut has 0 whole chunks
     */
    public static long[] wholeChunks(Path file) throws RecordingException {
        List<Chunk> whole = chunks(file);
        Chunk last = whole.isEmpty() ? null : whole.get(whole.size() - 1);
        return new long[] {whole.size(), last == null ? 0 : last.offset() + last.size()};
    }

    /** Where a whole chunk lies in its file, and when it started (nanoseconds since the epoch, from its header). */
    public record Chunk(long offset, long size, long startNanos) {
    }

    /** The whole chunks of a file, in file order (a cut-short tail is left out, as {@link #wholeChunks} counts). */
    public static List<Chunk> chunks(Path file) throws RecordingException {
        List<Chunk> chunks = new ArrayList<>();
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            long offset = 0;
            ByteBuffer header = ByteBuffer.allocate(SIZE);
            while (offset < size) {
                header.clear();
                int read = channel.read(header, offset);
                if (read < SIZE || header.get(0) != 'F' || header.get(1) != 'L' || header.get(2) != 'R'
                        || header.get(3) != 0) {
                    break;
                }
                long chunkSize = header.getLong(8);
                if (chunkSize < SIZE || chunkSize > size - offset) {
                    break;
                }
                chunks.add(new Chunk(offset, chunkSize, header.getLong(32)));
                offset += chunkSize;
            }
            return chunks;
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * When the recording's last whole chunk ends (its start plus its duration), or empty when that is not known:
     * no whole chunk, or a chunk still being written (its duration is 0 until it is finished).
     */
    public static Optional<Instant> end(Path file) throws RecordingException {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            long offset = 0;
            Instant end = null;
            ByteBuffer header = ByteBuffer.allocate(SIZE);
            while (offset < size) {
                header.clear();
                int read = channel.read(header, offset);
                if (read < SIZE || header.get(0) != 'F' || header.get(1) != 'L' || header.get(2) != 'R'
                        || header.get(3) != 0) {
                    break;
                }
                long chunkSize = header.getLong(8);
                long duration = header.getLong(40);
                if (chunkSize < SIZE || chunkSize > size - offset || duration <= 0) {
                    return Optional.empty();
                }
                Instant chunkEnd = Instant.ofEpochSecond(0, header.getLong(32)).plusNanos(duration);
                end = end == null || chunkEnd.isAfter(end) ? chunkEnd : end;
                offset += chunkSize;
            }
            return Optional.ofNullable(end);
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public static ChunkHeader read(Path file) throws RecordingException {
        byte[] bytes = new byte[SIZE];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(bytes, 0, SIZE);
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read: " + e.getMessage());
        }
        if (read == 0) {
            throw new RecordingException(file + ": is empty, not a Flight Recorder file");
        }
        if (read < 4 || bytes[0] != 'F' || bytes[1] != 'L' || bytes[2] != 'R' || bytes[3] != 0) {
            throw new RecordingException(file + ": is not a Flight Recorder file (no FLR magic bytes at its start)");
        }
        if (read < SIZE) {
            throw new RecordingException(file + ": is cut short: " + read + " bytes, not even a whole chunk header");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int major = b.getShort(4);
        int minor = b.getShort(6);
        long chunkSize = b.getLong(8);
        long startNanos = b.getLong(32);
        long duration = b.getLong(40);
        if (major < 1 || major > 2) {
            throw new RecordingException(file + ": Flight Recorder format " + major + "." + minor
                    + " is not one this reader knows (1.x, 2.x)");
        }
        return new ChunkHeader(major, minor, chunkSize, Instant.ofEpochSecond(0, startNanos), duration);
    }
}
