package io.flightdeck.memory.model;

/**
 * The reward an episode earned and the terms it was built from:
 * {@code total = max(0, base + abstention) * efficiency * complexityBonus * qualityMultiplier + learningBonus}.
 */
public record RewardScore(
        double total,
        double base,
        double abstention,
        double efficiency,
        double complexityBonus,
        double qualityMultiplier,
        double learningBonus) {
}
