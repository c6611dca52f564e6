package io.flightdeck.memory.model;

import java.util.List;
import java.util.UUID;

/**
 * A rule of thumb learnt from decision points seen more than once:
 * "when {@code condition}, do {@code action}", trusted with {@code confidence = successRate * sqrt(sampleSize)}.
 */
public record Heuristic(UUID id, String condition, String action, double confidence, Evidence evidence) {

    public record Evidence(List<UUID> episodeIds, double successRate, int sampleSize) {
        public Evidence {
            episodeIds = episodeIds == null ? List.of() : List.copyOf(episodeIds);
        }
    }
}
