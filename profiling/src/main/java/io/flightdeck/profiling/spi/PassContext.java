package io.flightdeck.profiling.spi;

import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.Frames;

/**
 * What a collector is made with: the frame names shared by every collector of the pass, the options, and the
 * chunk being read (a file may hold chunks of several producers, e.g. a JDK recording followed by async-profiler's).
 */
public record PassContext(Frames frames, AnalysisOptions options, ChunkOrigin chunk) {

    public int maxTreeNodes() {
        return options.maxTreeNodes();
    }

    /** Whether rankings are wanted; without them a collector skips the per-event tallies. */
    public boolean ranks() {
        return options.ranks();
    }
}
