package io.flightdeck.memory.datagen;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How {@link EpisodeGenerator} shapes its data.
 *
 * @param minSteps                steps of an episode from {@link EpisodeGenerator#next()}, at least (1..1000)
 * @param maxSteps                ... and at most; complex tasks lean to the top of the range, simple ones to the bottom
 * @param successRate             share of tool calls that succeed
 * @param errorRate               share that return an error
 * @param timeoutRate             share that time out; the three rates sum to 1
 * @param baseTime                the first episode starts here; every timestamp is this plus seeded offsets
 * @param episodeSpacing          episode {@code i} starts at {@code baseTime + i * spacing} plus a jitter below half a spacing
 * @param nearDuplicateQueryShare share of {@link EpisodeGenerator#query()} results that paraphrase an episode
 *                                already generated; the rest are new tasks
 */
public record GeneratorConfig(int minSteps, int maxSteps, double successRate, double errorRate, double timeoutRate,
                              Instant baseTime, Duration episodeSpacing, double nearDuplicateQueryShare) {

    public static final Instant DEFAULT_BASE_TIME = Instant.parse("2026-01-05T09:00:00Z");
    /** The engine rejects more steps per episode than this. */
    public static final int MAX_STEPS = 1_000;

    public GeneratorConfig {
        if (minSteps < 1 || maxSteps < minSteps || maxSteps > MAX_STEPS) {
            throw new IllegalArgumentException("need 1 <= minSteps <= maxSteps <= " + MAX_STEPS + ", got "
                    + minSteps + ".." + maxSteps);
        }
        for (double r : new double[] {successRate, errorRate, timeoutRate, nearDuplicateQueryShare}) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("rates and shares must be in [0, 1], got " + r);
            }
        }
        if (Math.abs(successRate + errorRate + timeoutRate - 1) > 1e-9) {
            throw new IllegalArgumentException("success, error and timeout rates must sum to 1, got "
                    + (successRate + errorRate + timeoutRate));
        }
        Objects.requireNonNull(baseTime, "baseTime");
        Objects.requireNonNull(episodeSpacing, "episodeSpacing");
        if (episodeSpacing.isNegative()) {
            throw new IllegalArgumentException("episodeSpacing must not be negative: " + episodeSpacing);
        }
    }

    /** 5 to 10 steps, 80 / 15 / 5 % success / error / timeout, from 2026-01-05T09:00Z, one episode every 2 minutes. */
    public static GeneratorConfig defaults() {
        return new GeneratorConfig(5, 10, 0.80, 0.15, 0.05, DEFAULT_BASE_TIME, Duration.ofMinutes(2), 0.5);
    }

    public GeneratorConfig withSteps(int min, int max) {
        return new GeneratorConfig(min, max, successRate, errorRate, timeoutRate, baseTime, episodeSpacing,
                nearDuplicateQueryShare);
    }

    public GeneratorConfig withExactSteps(int steps) {
        return withSteps(steps, steps);
    }

    public GeneratorConfig withMix(double success, double error, double timeout) {
        return new GeneratorConfig(minSteps, maxSteps, success, error, timeout, baseTime, episodeSpacing,
                nearDuplicateQueryShare);
    }

    public GeneratorConfig withBaseTime(Instant base) {
        return new GeneratorConfig(minSteps, maxSteps, successRate, errorRate, timeoutRate, base, episodeSpacing,
                nearDuplicateQueryShare);
    }

    public GeneratorConfig withEpisodeSpacing(Duration spacing) {
        return new GeneratorConfig(minSteps, maxSteps, successRate, errorRate, timeoutRate, baseTime, spacing,
                nearDuplicateQueryShare);
    }

    public GeneratorConfig withNearDuplicateQueryShare(double share) {
        return new GeneratorConfig(minSteps, maxSteps, successRate, errorRate, timeoutRate, baseTime, episodeSpacing,
                share);
    }
}
