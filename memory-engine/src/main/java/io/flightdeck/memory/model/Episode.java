package io.flightdeck.memory.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One task an agent worked on, from start to (optionally) completion.
 * {@code endTime}, {@code outcome}, {@code reward} and {@code reflection} are null until the episode is completed.
 */
public record Episode(
        UUID id,
        TaskType taskType,
        String description,
        TaskContext context,
        Instant startTime,
        Instant endTime,
        List<ExecutionStep> steps,
        TaskOutcome outcome,
        RewardScore reward,
        Reflection reflection,
        List<UUID> patternIds,
        Map<String, String> metadata) {

    public Episode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(startTime, "startTime");
        steps = steps == null ? List.of() : List.copyOf(steps);
        patternIds = patternIds == null ? List.of() : List.copyOf(patternIds);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public boolean isComplete() {
        return outcome != null;
    }

    public Episode withSteps(List<ExecutionStep> newSteps) {
        return new Episode(id, taskType, description, context, startTime, endTime, newSteps, outcome, reward,
                reflection, patternIds, metadata);
    }
}
