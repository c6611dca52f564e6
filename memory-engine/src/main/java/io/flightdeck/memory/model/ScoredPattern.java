package io.flightdeck.memory.model;

/** A pattern ranked for a context: {@code score = contextMatch * effectiveness}. */
public record ScoredPattern(Pattern pattern, double score) {
}
