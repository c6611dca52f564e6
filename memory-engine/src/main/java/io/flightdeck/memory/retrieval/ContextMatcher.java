package io.flightdeck.memory.retrieval;

import io.flightdeck.memory.model.TaskContext;

import java.util.List;
import java.util.Objects;

/**
 * How well a stored context fits the context of the task at hand, in [0, 1]. Only what the query specifies
 * counts: a query without a framework does not penalise episodes with one. The default domain "general"
 * means "not specified".
 */
public final class ContextMatcher {

    private static final double DOMAIN = 0.30;
    private static final double LANGUAGE = 0.30;
    private static final double FRAMEWORK = 0.25;
    private static final double TAGS = 0.15;

    private ContextMatcher() {
    }

    /** True when the query context specifies anything to match against. */
    public static boolean isSpecific(TaskContext query) {
        return !TaskContext.DEFAULT_DOMAIN.equals(query.domain()) || query.language() != null
                || query.framework() != null || !query.tags().isEmpty();
    }

    public static double match(TaskContext query, TaskContext candidate) {
        double weight = 0;
        double score = 0;
        if (!TaskContext.DEFAULT_DOMAIN.equals(query.domain())) {
            weight += DOMAIN;
            score += query.domain().equals(candidate.domain()) ? DOMAIN : 0;
        }
        if (query.language() != null) {
            weight += LANGUAGE;
            score += query.language().equals(candidate.language()) ? LANGUAGE : 0;
        }
        if (query.framework() != null) {
            weight += FRAMEWORK;
            score += Objects.equals(query.framework(), candidate.framework()) ? FRAMEWORK : 0;
        }
        if (!query.tags().isEmpty()) {
            weight += TAGS;
            score += TAGS * overlap(query.tags(), candidate.tags());
        }
        return weight == 0 ? 0 : score / weight;
    }

    /** Share of the query's tags the candidate has. */
    private static double overlap(List<String> wanted, List<String> present) {
        int hits = 0;
        for (String tag : wanted) {
            if (present.contains(tag)) {
                hits++;
            }
        }
        return (double) hits / wanted.size();
    }
}
