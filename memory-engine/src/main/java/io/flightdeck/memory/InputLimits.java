package io.flightdeck.memory;

import io.flightdeck.memory.error.InvalidConfigException;

/**
 * The sizes the engine accepts (ENGINE.md, "Input limits"). Byte sizes are UTF-8 bytes.
 * An input over a limit is rejected with an {@link io.flightdeck.memory.error.InputLimitExceededException}
 * and nothing of it is stored. Every text field of an episode counts toward {@code maxEpisodeBytes}; the other
 * limits cap single fields.
 *
 * @param maxDescriptionBytes    a task's description
 * @param maxStepsPerEpisode     steps logged to one episode
 * @param maxStepOutputBytes     a step's output or error message
 * @param maxStepParametersBytes a step's parameters (one JSON value)
 * @param maxEpisodeBytes        the whole episode, serialised: description, context, metadata, steps, outcome
 * @param maxRetrievalLimit      results one retrieval may ask for
 * @param maxNameBytes           a name: tool, domain, language, framework, metadata key (names are also not blank
 *                               and free of control characters); they become index terms and pattern keys
 * @param maxActionBytes         a step's action (decision points and heuristics are learnt from it)
 * @param maxQueryBytes          a retrieval's query text
 */
public record InputLimits(
        int maxDescriptionBytes,
        int maxStepsPerEpisode,
        int maxStepOutputBytes,
        int maxStepParametersBytes,
        long maxEpisodeBytes,
        int maxRetrievalLimit,
        int maxNameBytes,
        int maxActionBytes,
        int maxQueryBytes) {

    public static final InputLimits DEFAULT = new InputLimits(10_000, 1_000, 10_000, 1_000_000, 10_000_000L, 1_000,
            256, 10_000, 10_000);

    public InputLimits {
        atLeast(maxDescriptionBytes, 1, "maxDescriptionBytes");
        atLeast(maxStepsPerEpisode, 1, "maxStepsPerEpisode");
        atLeast(maxStepOutputBytes, 0, "maxStepOutputBytes");
        atLeast(maxStepParametersBytes, 2, "maxStepParametersBytes"); // "{}", the default, must fit
        atLeast(maxEpisodeBytes, 1, "maxEpisodeBytes");
        atLeast(maxRetrievalLimit, 1, "maxRetrievalLimit");
        atLeast(maxNameBytes, 1, "maxNameBytes");
        atLeast(maxActionBytes, 0, "maxActionBytes");
        atLeast(maxQueryBytes, 0, "maxQueryBytes");
    }

    private static void atLeast(long value, long minimum, String limit) {
        if (value < minimum) {
            throw new InvalidConfigException("input limit " + limit + " must be >= " + minimum + ", was " + value);
        }
    }
}
