package io.flightdeck.memory.retrieval;

import io.flightdeck.memory.error.InvalidInputException;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskType;

import java.util.List;
import java.util.Locale;

/**
 * Hard conditions a retrieved episode must meet (ranking is soft; a filter is not). Null fields do not filter.
 *
 * @param requiredTags every one of these tags must be on the episode; each a valid tag (see {@link TaskContext}),
 *                     since another could match nothing
 * @param minReward    the episode's total reward must be at least this; a number (NaN would match nothing)
 */
public record RetrievalFilter(TaskType taskType, String domain, String language, String framework,
                              List<String> requiredTags, Double minReward) {

    public static final RetrievalFilter NONE = new RetrievalFilter(null, null, null, null, List.of(), null);

    public RetrievalFilter {
        domain = lower(domain);
        language = lower(language);
        framework = lower(framework);
        if (requiredTags != null) {
            for (String tag : requiredTags) { // List.of(...).contains(null) would itself throw
                if (tag == null) {
                    throw new InvalidInputException("filter tags must not be null");
                }
            }
        }
        // normalised and checked as an episode's tags are, so a filter tag means what a stored tag means
        requiredTags = requiredTags == null ? List.of()
                : TaskContext.of(null, null, null, null, requiredTags.toArray(String[]::new)).tags();
        if (minReward != null && minReward.isNaN()) {
            throw new InvalidInputException("filter minReward must be a number, was NaN");
        }
    }

    public boolean isEmpty() {
        return taskType == null && domain == null && language == null && framework == null && requiredTags.isEmpty()
                && minReward == null;
    }

    boolean accepts(TaskType type, TaskContext context, double rewardTotal) {
        return (taskType == null || taskType == type)
                && (domain == null || domain.equals(context.domain()))
                && (language == null || language.equals(context.language()))
                && (framework == null || framework.equals(context.framework()))
                && (requiredTags.isEmpty() || context.tags().containsAll(requiredTags))
                && (minReward == null || rewardTotal >= minReward);
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
