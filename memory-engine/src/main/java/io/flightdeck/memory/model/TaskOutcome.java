package io.flightdeck.memory.model;

import io.flightdeck.memory.error.InvalidInputException;

import java.util.List;

/** How an episode ended. */
public sealed interface TaskOutcome {

    record Success(String verdict, List<String> artifacts) implements TaskOutcome {
        public Success {
            verdict = verdict == null ? "" : verdict;
            artifacts = NullChecks.copyWithoutNulls(artifacts, "outcome artifact");
        }
    }

    record PartialSuccess(String verdict, List<String> completed, List<String> failed) implements TaskOutcome {
        public PartialSuccess {
            verdict = verdict == null ? "" : verdict;
            completed = NullChecks.copyWithoutNulls(completed, "outcome completed item");
            failed = NullChecks.copyWithoutNulls(failed, "outcome failed item");
        }
    }

    record Failure(String reason, String details) implements TaskOutcome {
        public Failure {
            NullChecks.nonNull(reason, "failure reason");
        }
    }

    /** The agent chose to stop (it did not know enough, or the task was unsafe) at the given step. */
    record Abstained(String reason, int stoppedAtStep) implements TaskOutcome {
        public Abstained {
            NullChecks.nonNull(reason, "abstention reason");
            if (stoppedAtStep < 0) {
                throw new InvalidInputException("stoppedAtStep must be >= 0, was " + stoppedAtStep);
            }
        }
    }

    default boolean isSuccess() {
        return this instanceof Success;
    }
}
