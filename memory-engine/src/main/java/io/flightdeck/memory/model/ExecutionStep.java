package io.flightdeck.memory.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One tool call an agent made: which tool, what it meant to do, the parameters it passed (JSON text),
 * what came back, how long it took and how many tokens it used.
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
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(tool, "tool");
        action = action == null ? "" : action;
        parameters = parameters == null || parameters.isEmpty() ? "{}" : parameters;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must be >= 0, was " + latencyMs);
        }
    }

    public static ExecutionStep of(int stepNumber, Instant timestamp, String tool, String action,
                                   String parameters, ExecutionResult result, long latencyMs) {
        return new ExecutionStep(stepNumber, timestamp, tool, action, parameters, result, latencyMs, null, Map.of());
    }

    public boolean succeeded() {
        return result != null && result.isSuccess();
    }

    public boolean failed() {
        return result != null && !result.isSuccess();
    }
}
