package io.flightdeck.memory;

import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;

import java.util.ArrayList;
import java.util.List;

/**
 * An episode in progress: its header, its steps, and how many of them the store already has.
 * Every field is guarded by the object's own monitor; one episode's lock never blocks another episode.
 */
final class ActiveEpisode {

    final Episode header;
    final List<ExecutionStep> steps;
    /** Steps [0, persisted) are in the store. */
    int persisted;
    /** Estimated serialised size so far, for the whole-episode limit. */
    long bytes;
    /** When the oldest step not yet persisted arrived (System.nanoTime). */
    long oldestUnflushedNanos;
    boolean finished;

    ActiveEpisode(Episode header, List<ExecutionStep> persistedSteps, long bytes) {
        this.header = header;
        this.steps = new ArrayList<>(Math.max(16, persistedSteps.size() + 8));
        this.steps.addAll(persistedSteps);
        this.persisted = persistedSteps.size();
        this.bytes = bytes;
    }

    /** The number of the last step logged, 0 before the first: the next one must be greater. */
    int lastStepNumber() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).stepNumber();
    }

    int unflushed() {
        return steps.size() - persisted;
    }

    Episode snapshot() {
        return header.withSteps(steps);
    }
}
