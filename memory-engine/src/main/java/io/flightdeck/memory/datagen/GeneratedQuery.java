package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskType;

import java.util.Objects;

/**
 * A retrieval query: {@code retrieveRelevantContext(text, context, limit)} with the task type as a hint.
 * A near-duplicate paraphrases an episode's description and names it, so a benchmark can check that the
 * episode is found (recall@k); a new query has no source.
 *
 * @param sourceIndex       generation index (0-based order of {@code next} calls) of the paraphrased episode, or
 *                          {@link #NO_INDEX} when it is a new query or the index is not known
 * @param sourceDescription the paraphrased description, or null for a new query
 */
public record GeneratedQuery(String text, TaskContext context, TaskType taskType, long sourceIndex,
                             String sourceDescription) {

    public static final long NO_INDEX = -1;

    public GeneratedQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(taskType, "taskType");
    }

    public boolean isNearDuplicate() {
        return sourceDescription != null;
    }
}
