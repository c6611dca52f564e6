package io.flightdeck.memory.model;

import java.util.List;
import java.util.Objects;

/** How an episode ended. */
public sealed interface TaskOutcome {

    record Success(String verdict, List<String> artifacts) implements TaskOutcome {
        public Success {
            verdict = verdict == null ? "" : verdict;
            artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        }
    }

    record PartialSuccess(String verdict, List<String> completed, List<String> failed) implements TaskOutcome {
        public PartialSuccess {
            verdict = verdict == null ? "" : verdict;
            completed = completed == null ? List.of() : List.copyOf(completed);
            failed = failed == null ? List.of() : List.copyOf(failed);
        }
    }

    record Failure(String reason, String details) implements TaskOutcome {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The agent chose to stop (it did not know enough, or the task was unsafe) at the given step. */
    record Abstained(String reason, int stoppedAtStep) implements TaskOutcome {
        public Abstained {
            Objects.requireNonNull(reason, "reason");
            if (stoppedAtStep < 0) {
                throw new IllegalArgumentException("stoppedAtStep must be >= 0, was " + stoppedAtStep);
            }
        }
    }

    default boolean isSuccess() {
        return this instanceof Success;
    }
}
