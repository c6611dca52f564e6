package io.flightdeck.memory.model;

/**
 * A retrieval hit: the episode, its overall relevance and the parts it was made of (each in [0, 1]),
 * so a caller can see why an episode ranked where it did.
 */
public record ScoredEpisode(Episode episode, double score, double text, double context, double taskType,
                            double recency, double reward) {
}
