package io.flightdeck.profiling.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.profiling.RecordingFacts;

/**
 * What an analysis's result may depend on besides its own collector.
 *
 * @param top             rows per ranking
 * @param from            the analysed window's start
 * @param to              its end
 * @param seconds         its length
 * @param processCpuNanos CPU the process used over the window, when the recording says (else 0)
 * @param recording       what the recording says about itself: the JVM, its arguments, event counts, settings
 * @param jvmFlags        the JVM's boolean flags as the recording gives them ({@code jdk.BooleanFlag}), by name
 * @param chunks          which producers wrote the recording's chunks
 * @param warnings        where an analysis adds what the reader of the figures should know
 */
public record ResultContext(int top, Instant from, Instant to, double seconds, long processCpuNanos,
                            RecordingFacts recording, Map<String, Boolean> jvmFlags, ChunkOrigin chunks,
                            List<String> warnings) {

    public void warn(String warning) {
        warnings.add(warning);
    }
}
