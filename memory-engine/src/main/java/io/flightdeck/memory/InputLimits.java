package io.flightdeck.memory;

/**
 * The sizes the engine accepts (ENGINE.md, "Input limits"). Byte sizes are UTF-8 bytes.
 * An input over a limit is rejected with an {@link io.flightdeck.memory.error.InputLimitExceededException}
 * and nothing of it is stored.
 */
public record InputLimits(
        int maxDescriptionBytes,
        int maxStepsPerEpisode,
        int maxStepOutputBytes,
        int maxStepParametersBytes,
        long maxEpisodeBytes,
        int maxRetrievalLimit) {

    public static final InputLimits DEFAULT = new InputLimits(10_000, 1_000, 10_000, 1_000_000, 10_000_000L, 1_000);

    public InputLimits {
        if (maxDescriptionBytes < 1 || maxStepsPerEpisode < 1 || maxStepOutputBytes < 0
                || maxStepParametersBytes < 2 || maxEpisodeBytes < 1 || maxRetrievalLimit < 1) {
            throw new IllegalArgumentException("every input limit must be positive: " + this);
        }
    }
}
