package io.flightdeck.profiling.spi;

import java.util.Collection;

import jdk.jfr.EventType;

/**
 * Which program wrote the chunk whose events are being read. A recording's chunks are read one after the other and
 * each chunk's metadata comes before its events, so the analyzer updates this from each chunk's metadata (as the
 * reader announces it: when it differs from the chunk before) and a collector asks it per event. async-profiler's chunks declare its own event types ({@code profiler.Log},
 * {@code profiler.Window}, ...) beside the {@code jdk.*} ones it writes; the JDK's never do.
 */
public final class ChunkOrigin {

    /** The prefix of the event types only async-profiler declares. */
    public static final String ASYNC_PROFILER_PREFIX = "profiler.";

    private boolean asyncProfiler;
    private boolean sawAsyncProfiler;
    private boolean sawOther;
    private long chunks;

    /** Called with each chunk's event types, before its events. */
    public void chunk(Collection<EventType> types) {
        chunks++;
        asyncProfiler = types.stream().anyMatch(t -> t.getName().startsWith(ASYNC_PROFILER_PREFIX));
        if (asyncProfiler) {
            sawAsyncProfiler = true;
        } else {
            sawOther = true;
        }
    }

    /**
     * Which chunk is being read: a number that changes with each chunk whose metadata differs from the chunk before
     * (of any pass over the file; the JDK's reader announces no other), for a collector that keeps something per
     * chunk. Two chunks of one program in a row may therefore share a number.
     */
    public long sequence() {
        return chunks;
    }

    /** Whether the chunk being read was written by async-profiler. */
    public boolean asyncProfiler() {
        return asyncProfiler;
    }

    /** Whether any chunk read so far was async-profiler's. */
    public boolean sawAsyncProfiler() {
        return sawAsyncProfiler;
    }

    /** Whether any chunk read so far was not async-profiler's (the JDK's own recording). */
    public boolean sawOther() {
        return sawOther;
    }
}
