package io.flightdeck.memory.retrieval;

import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskType;

import io.flightdeck.memory.error.InvalidInputException;

/**
 * A question to the memory: "what have I done before that is relevant to this?".
 *
 * @param taskType  the type of the task at hand; null = do not rank by type
 * @param filter    hard conditions; {@link RetrievalFilter#NONE} for none
 * @param mmrLambda 0..1 to re-rank for diversity, null to use the engine's setting
 */
public record RetrievalRequest(String query, TaskContext context, TaskType taskType, int limit, RetrievalFilter filter,
                               Double mmrLambda) {

    public RetrievalRequest {
        if (query == null) {
            throw new InvalidInputException("retrieval query must not be null (use \"\" to rank by context alone)");
        }
        if (mmrLambda != null && !(mmrLambda >= 0 && mmrLambda <= 1)) {
            throw new InvalidInputException("MMR lambda must be between 0 and 1, was " + mmrLambda);
        }
        context = context == null ? TaskContext.general() : context;
        filter = filter == null ? RetrievalFilter.NONE : filter;
    }

    public static RetrievalRequest of(String query, TaskContext context, int limit) {
        return new RetrievalRequest(query, context, null, limit, RetrievalFilter.NONE, null);
    }

    public static RetrievalRequest of(String query, TaskContext context, TaskType taskType, int limit) {
        return new RetrievalRequest(query, context, taskType, limit, RetrievalFilter.NONE, null);
    }

    public RetrievalRequest withFilter(RetrievalFilter newFilter) {
        return new RetrievalRequest(query, context, taskType, limit, newFilter, mmrLambda);
    }

    public RetrievalRequest withMmr(Double lambda) {
        return new RetrievalRequest(query, context, taskType, limit, filter, lambda);
    }
}
