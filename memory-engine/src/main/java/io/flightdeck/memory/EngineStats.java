package io.flightdeck.memory;

/** A snapshot of what the engine holds. */
public record EngineStats(int activeEpisodes, int completedEpisodes, int patterns, int heuristics, int indexTerms,
                          int indexTombstones, String store) {
}
