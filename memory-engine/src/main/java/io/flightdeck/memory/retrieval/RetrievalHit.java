package io.flightdeck.memory.retrieval;

/** An indexed episode with its relevance and the parts of it, each in [0, 1]. */
public record RetrievalHit(IndexedEpisode episode, double score, double text, double context, double taskType,
                           double recency, double reward) {
}
