package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;

import java.util.List;
import java.util.Objects;

/**
 * The inputs of one episode, in the order an agent gives them to the engine:
 * {@code startEpisode(description, context, taskType)}, then {@code logStep} for each step,
 * then {@code completeEpisode(outcome)}. Steps are numbered from 1 and carry their own timestamps.
 */
public record GeneratedEpisode(String description, TaskContext context, TaskType taskType, List<ExecutionStep> steps,
                               TaskOutcome outcome) {

    public GeneratedEpisode {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(outcome, "outcome");
        steps = List.copyOf(steps);
    }
}
