package io.flightdeck.profiling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jdk.jfr.consumer.RecordedEvent;

import io.flightdeck.profiling.spi.ChunkOrigin;

/**
 * Each chunk's own clock, from its header, to read an event's time the way its producer wrote it.
 *
 * <p>Why: a file that joins a JDK recording and async-profiler's (what a run's children leave) holds two clocks, the
 * JVM's ticks and the OS's monotonic nanoseconds. JDK 25's reader converts the ticks of every chunk of a file with
 * the first chunk's clock, so it puts the second producer's events hours away (by the machine's uptime); JDK 17's
 * reader converts each chunk with its own. An event of a chunk from another producer is therefore timed here from
 * its raw ticks and the clock of a chunk of that producer: async-profiler's chunks (known by the {@code profiler.}
 * types their metadata declares) all count one monotonic clock, so any of them converts its ticks. A JDK chunk's
 * ticks may cover the same numbers (the JVM's counter starts near zero, async-profiler's at the machine's boot), so
 * a JDK clock is used only when no chunk's metadata could be read.
 */
final class ChunkClocks {

    /** Bytes of a chunk header up to and including its features. */
    private static final int HEADER = 68;

    /** The most of a chunk's metadata read to tell its producer (async-profiler's is a few KiB, the JDK's ~100). */
    private static final int MAX_METADATA = 1 << 20;

    /**
     * One chunk's clock: its start in nanoseconds since the epoch and in ticks, its length, its tick rate, and
     * whether async-profiler wrote the chunk.
     */
    private record Clock(long startNanos, long durationNanos, long startTicks, long ticksPerSecond,
                         boolean asyncProfiler) {

        boolean holds(long ticks) {
            double slack = 0.1 * durationNanos + 1e9; // events may start a little before or end after the header says
            double offsetNanos = (ticks - startTicks) * 1e9 / ticksPerSecond;
            return offsetNanos >= -slack && offsetNanos <= durationNanos + slack;
        }

        Instant at(long ticks) {
            long nanos = startNanos + (long) ((ticks - startTicks) * 1e9 / ticksPerSecond);
            return Instant.ofEpochSecond(0, nanos);
        }
    }

    private final List<Clock> clocks;
    /** The clocks an async-profiler event may be read by. */
    private final List<Clock> candidates;
    /** Whether the candidates are async-profiler's chunks only, one clock. */
    private final boolean sameClock;
    private Clock last;

    private ChunkClocks(List<Clock> clocks) {
        this.clocks = clocks;
        List<Clock> asyncProfilers = clocks.stream().filter(Clock::asyncProfiler).toList();
        this.sameClock = !asyncProfilers.isEmpty();
        this.candidates = sameClock ? asyncProfilers : clocks;
    }

    /** The clocks of the file's whole chunks; none when the headers cannot be read (times are then left as read). */
    static ChunkClocks read(Path file) {
        List<Clock> found = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            long offset = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (offset + HEADER <= size) {
                header.clear();
                if (channel.read(header, offset) < HEADER || header.get(0) != 'F' || header.get(1) != 'L'
                        || header.get(2) != 'R' || header.get(3) != 0) {
                    break;
                }
                long chunkSize = header.getLong(8);
                long ticksPerSecond = header.getLong(56);
                if (chunkSize < HEADER || chunkSize > size - offset) {
                    break;
                }
                if (ticksPerSecond > 0) {
                    boolean compressed = (header.getInt(64) & 1) != 0;
                    found.add(new Clock(header.getLong(32), header.getLong(40), header.getLong(48), ticksPerSecond,
                            declaresAsyncProfilerTypes(channel, offset, header.getLong(24), chunkSize, compressed)));
                }
                offset += chunkSize;
            }
        } catch (IOException e) {
            found.clear();
        }
        return new ChunkClocks(List.copyOf(found));
    }

    /**
     * The start of an event of an async-profiler chunk, by its own clock; the reader's own figure when the file has a
     * single clock. The clocks tried are async-profiler's chunks' (all of them when no chunk could be told apart):
     * the one whose span holds the ticks, else the first.
     */
    Instant start(RecordedEvent e) {
        if (clocks.size() < 2) {
            return e.getStartTime();
        }
        long ticks = e.getLong("startTime");
        if (last != null && last.holds(ticks)) {
            return last.at(ticks);
        }
        for (Clock c : candidates) {
            if (c.holds(ticks)) {
                last = c;
                return c.at(ticks);
            }
        }
        // async-profiler's chunks count one clock, so the first converts ticks outside every chunk's span as well
        return sameClock ? candidates.get(0).at(ticks) : e.getStartTime();
    }

    /**
     * Whether the metadata record of the chunk at {@code chunkStart} declares an event type of async-profiler's
     * ({@code profiler.*}); false when it cannot be read (that chunk alone: the other clocks stay).
     */
    private static boolean declaresAsyncProfilerTypes(FileChannel channel, long chunkStart, long metadataOffset,
                                                      long chunkSize, boolean compressed) {
        if (metadataOffset < HEADER || metadataOffset >= chunkSize) {
            return false;
        }
        ByteBuffer metadata = ByteBuffer.allocate((int) Math.min(chunkSize - metadataOffset, MAX_METADATA));
        try {
            while (metadata.hasRemaining()
                    && channel.read(metadata, chunkStart + metadataOffset + metadata.position()) > 0) {
                // a read may return fewer bytes than asked
            }
            return ChunkMetadata.eventTypesOfRecord(Arrays.copyOf(metadata.array(), metadata.position()), compressed)
                    .values().stream()
                    .anyMatch(name -> name.startsWith(ChunkOrigin.ASYNC_PROFILER_PREFIX));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
