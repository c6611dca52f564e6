package io.flightdeck.memory.model;

import java.time.Instant;
import java.util.Map;
import io.flightdeck.memory.error.InvalidInputException;


/**
 * One tool call an agent made: which tool, what it meant to do, the parameters it passed (JSON text),
 * what came back, how long it took and how many tokens it used.
 *
 * <p>What the engine accepts ({@code MemoryEngine.logStep}; ENGINE.md, "Input limits"):
 * <ul>
 *   <li>{@code stepNumber}: at least 1, and greater than the number of the episode's previous step: numbers
 *       increase strictly within an episode, so no two steps share one; gaps are allowed (a call the agent did
 *       not log). A step that breaks this is rejected and not stored;</li>
 *   <li>{@code tool}: a name: not blank, no control characters, at most {@code maxNameBytes};</li>
 *   <li>{@code action}: free text, at most {@code maxActionBytes} ("" when null);</li>
 *   <li>{@code parameters}: exactly one JSON value ({@code "{}"} when null or empty);</li>
 *   <li>{@code latencyMs} and {@code tokensUsed}: not negative;</li>
 *   <li>every text valid Unicode (no unpaired surrogates); metadata keys are names.</li>
 * </ul>
 * Nulls and negative latencies are refused here, when the record is built; the rest when it is logged.
 *
 * @param result    null while the call has not returned
 * @param tokensUsed null when the agent did not report tokens
 */
public record ExecutionStep(
        int stepNumber,
        Instant timestamp,
        String tool,
        String action,
        String parameters,
        ExecutionResult result,
        long latencyMs,
        Integer tokensUsed,
        Map<String, String> metadata) {

    public ExecutionStep {
        NullChecks.nonNull(timestamp, "step " + stepNumber + " timestamp");
        NullChecks.nonNull(tool, "step " + stepNumber + " tool");
        action = action == null ? "" : action;
        parameters = parameters == null || parameters.isEmpty() ? "{}" : parameters;
        metadata = NullChecks.copyWithoutNulls(metadata, "step " + stepNumber + " metadata");
        if (latencyMs < 0) {
            throw new InvalidInputException("step " + stepNumber + " latency must be >= 0 ms, was " + latencyMs);
        }
    }

    public static ExecutionStep of(int stepNumber, Instant timestamp, String tool, String action,
                                   String parameters, ExecutionResult result, long latencyMs) {
        return new ExecutionStep(stepNumber, timestamp, tool, action, parameters, result, latencyMs, null, Map.of());
    }

    /** The same call as another step: for replaying recorded steps into a new episode, where numbers must increase. */
    public ExecutionStep withStepNumber(int newStepNumber) {
        return new ExecutionStep(newStepNumber, timestamp, tool, action, parameters, result, latencyMs, tokensUsed,
                metadata);
    }

    public boolean succeeded() {
        return result != null && result.isSuccess();
    }

    public boolean failed() {
        return result != null && !result.isSuccess();
    }
}
