package io.flightdeck.memory.validation;

import io.flightdeck.memory.InputLimits;
import io.flightdeck.memory.error.InputLimitExceededException;
import io.flightdeck.memory.error.InvalidInputException;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;

import java.util.Map;

/**
 * Checks every input against {@link InputLimits} before anything is stored, and keeps the running size of an
 * episode. The size of an episode is estimated as the UTF-8 bytes of its text fields plus a fixed allowance per
 * step for the fields around them; that is within a few percent of its JSON form and costs no serialisation on
 * the hot path.
 */
public final class InputValidator {

    /** Bytes a step's JSON spends on keys, numbers, timestamps and quotes, beyond its text fields. */
    static final int STEP_OVERHEAD_BYTES = 160;
    static final int EPISODE_OVERHEAD_BYTES = 400;

    private final InputLimits limits;

    public InputValidator(InputLimits limits) {
        this.limits = limits;
    }

    /** @return the estimated serialised size of the new episode */
    public long checkStart(String description, TaskContext context) {
        return checkStart(description, context, Map.of());
    }

    /** @return the estimated serialised size of the new episode, metadata included */
    public long checkStart(String description, TaskContext context, Map<String, String> metadata) {
        if (description == null || description.isBlank()) {
            throw new InvalidInputException("task description must not be empty");
        }
        int bytes = utf8Length(description);
        if (bytes > limits.maxDescriptionBytes()) {
            throw new InputLimitExceededException("task description", bytes, limits.maxDescriptionBytes(), "bytes");
        }
        long size = EPISODE_OVERHEAD_BYTES + bytes + utf8Length(context.domain());
        for (String tag : context.tags()) {
            size += tag.length() + 3;
        }
        if (metadata != null) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new InvalidInputException("episode metadata must not hold null keys or values");
                }
                size += utf8Length(e.getKey()) + utf8Length(e.getValue()) + 6;
            }
        }
        if (size > limits.maxEpisodeBytes()) {
            throw new InputLimitExceededException("serialised episode", size, limits.maxEpisodeBytes(), "bytes");
        }
        return size;
    }

    /**
     * Checks that the outcome's text still fits the whole-episode limit.
     *
     * @return the outcome's estimated serialised size
     */
    public long checkOutcome(TaskOutcome outcome, long episodeBytes) {
        long size = 64;
        if (outcome instanceof TaskOutcome.Success s) {
            size += utf8Length(s.verdict()) + listBytes(s.artifacts());
        } else if (outcome instanceof TaskOutcome.PartialSuccess p) {
            size += utf8Length(p.verdict()) + listBytes(p.completed()) + listBytes(p.failed());
        } else if (outcome instanceof TaskOutcome.Failure f) {
            size += utf8Length(f.reason()) + (f.details() == null ? 0 : utf8Length(f.details()));
        } else if (outcome instanceof TaskOutcome.Abstained a) {
            size += utf8Length(a.reason());
        }
        if (episodeBytes + size > limits.maxEpisodeBytes()) {
            throw new InputLimitExceededException("serialised episode", episodeBytes + size, limits.maxEpisodeBytes(),
                    "bytes");
        }
        return size;
    }

    private static long listBytes(java.util.List<String> items) {
        long size = 0;
        for (String item : items) {
            if (item == null) {
                throw new InvalidInputException("outcome lists must not hold null entries");
            }
            size += utf8Length(item) + 3;
        }
        return size;
    }

    /**
     * Checks one more step for an episode that already has {@code stepsSoFar} steps and {@code episodeBytes} bytes.
     *
     * @return the step's estimated serialised size
     */
    public long checkStep(ExecutionStep step, int stepsSoFar, long episodeBytes) {
        if (stepsSoFar + 1 > limits.maxStepsPerEpisode()) {
            throw new InputLimitExceededException("steps per episode", stepsSoFar + 1L, limits.maxStepsPerEpisode(),
                    "steps");
        }
        int output = step.result() == null ? 0 : utf8Length(step.result().text());
        if (output > limits.maxStepOutputBytes()) {
            throw new InputLimitExceededException("step " + step.stepNumber() + " output", output,
                    limits.maxStepOutputBytes(), "bytes");
        }
        int parameters = utf8Length(step.parameters());
        if (parameters > limits.maxStepParametersBytes()) {
            throw new InputLimitExceededException("step " + step.stepNumber() + " parameters", parameters,
                    limits.maxStepParametersBytes(), "bytes");
        }
        long size = STEP_OVERHEAD_BYTES + output + parameters + textFieldBytes(step);
        if (episodeBytes + size > limits.maxEpisodeBytes()) {
            throw new InputLimitExceededException("serialised episode", episodeBytes + size, limits.maxEpisodeBytes(),
                    "bytes");
        }
        return size;
    }

    /** The estimated serialised size of a step already accepted (for an episode reopened from a store). */
    public static long stepSize(ExecutionStep step) {
        return STEP_OVERHEAD_BYTES + (step.result() == null ? 0 : utf8Length(step.result().text()))
                + utf8Length(step.parameters()) + textFieldBytes(step);
    }

    private static long textFieldBytes(ExecutionStep step) {
        long size = utf8Length(step.tool()) + utf8Length(step.action());
        for (Map.Entry<String, String> e : step.metadata().entrySet()) {
            size += utf8Length(e.getKey()) + utf8Length(e.getValue()) + 6;
        }
        return size;
    }

    public void checkRetrievalLimit(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("retrieval limit must be at least 1, was " + limit);
        }
        if (limit > limits.maxRetrievalLimit()) {
            throw new InputLimitExceededException("retrieval limit", limit, limits.maxRetrievalLimit(), "results");
        }
    }

    /** UTF-8 length without encoding the string; an unpaired surrogate counts as the 3 bytes of its replacement. */
    public static int utf8Length(CharSequence s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // the pair is 2 chars and 4 bytes
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
