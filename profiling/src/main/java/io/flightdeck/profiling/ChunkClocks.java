package io.flightdeck.profiling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jdk.jfr.consumer.RecordedEvent;

/**
 * Each chunk's own clock, from its header, to read an event's time the way its producer wrote it.
 *
 * <p>Why: a file that joins a JDK recording and async-profiler's (what a run's children leave) holds two clocks, the
 * JVM's ticks and the OS's monotonic nanoseconds. JDK 25's reader converts the ticks of every chunk of a file with
 * the first chunk's clock, so it puts the second producer's events hours away (by the machine's uptime); JDK 17's
 * reader converts each chunk with its own. An event of a chunk from another producer is therefore timed here from
 * its raw ticks and the header of the chunk whose ticks they are.
 */
final class ChunkClocks {

    /** Bytes of a chunk header up to and including its ticks per second. */
    private static final int HEADER = 64;

    /** One chunk's clock: its start in nanoseconds since the epoch and in ticks, its length, its tick rate. */
    private record Clock(long startNanos, long durationNanos, long startTicks, long ticksPerSecond) {

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
    private Clock last;

    private ChunkClocks(List<Clock> clocks) {
        this.clocks = clocks;
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
                    found.add(new Clock(header.getLong(32), header.getLong(40), header.getLong(48), ticksPerSecond));
                }
                offset += chunkSize;
            }
        } catch (IOException e) {
            found.clear();
        }
        return new ChunkClocks(List.copyOf(found));
    }

    /**
     * An event's start by the clock of the chunk its ticks belong to; the reader's own figure when the file has a
     * single clock, or when no chunk holds the ticks.
     */
    Instant start(RecordedEvent e) {
        if (clocks.size() < 2) {
            return e.getStartTime();
        }
        long ticks = e.getLong("startTime");
        if (last != null && last.holds(ticks)) {
            return last.at(ticks);
        }
        for (Clock c : clocks) {
            if (c.holds(ticks)) {
                last = c;
                return c.at(ticks);
            }
        }
        return e.getStartTime();
    }
}
