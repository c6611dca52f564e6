package io.flightdeck.memory.validation;

import io.flightdeck.memory.InputLimits;
import io.flightdeck.memory.error.InputLimitExceededException;
import io.flightdeck.memory.error.InvalidInputException;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.retrieval.RetrievalFilter;

import java.util.List;
import java.util.Map;

/**
 * Checks every input against {@link InputLimits} and {@link TextRules} before anything is stored, and keeps the
 * running size of an episode. Every text field of an episode counts toward its size (description, context,
 * metadata, each step's tool, action, parameters, result and metadata, the outcome), so no field escapes the
 * whole-episode limit. The size is estimated as the UTF-8 bytes of the text fields plus a fixed allowance per
 * step for the fields around them; that is within a few percent of its JSON form and costs no serialisation on
 * the hot path.
 */
public final class InputValidator {

    /** Bytes a step's JSON spends on keys, numbers, timestamps and quotes, beyond its text fields. */
    static final int STEP_OVERHEAD_BYTES = 160;
    static final int EPISODE_OVERHEAD_BYTES = 400;
    /** Quotes, colon and comma around a metadata entry; quotes and comma around a list item. */
    private static final int ENTRY_OVERHEAD_BYTES = 6;
    private static final int ITEM_OVERHEAD_BYTES = 3;

    private final InputLimits limits;

    public InputValidator(InputLimits limits) {
        this.limits = limits;
    }

    /** @return the estimated serialised size of the new episode */
    public long checkStart(String description, TaskContext context) {
        return checkStart(description, context, Map.of());
    }

    /** @return the estimated serialised size of the new episode, context and metadata included */
    public long checkStart(String description, TaskContext context, Map<String, String> metadata) {
        if (description == null || description.isBlank()) {
            throw new InvalidInputException("task description must not be empty");
        }
        long size = EPISODE_OVERHEAD_BYTES
                + TextRules.requireText("task description", description, limits.maxDescriptionBytes())
                + checkContext(context)
                + checkMetadata("episode metadata", metadata);
        requireEpisodeFits(size);
        return size;
    }

    /**
     * Checks a task context's names (domain, language, framework; tags are checked by {@link TaskContext}).
     *
     * @return their estimated serialised size
     */
    public long checkContext(TaskContext context) {
        long size = TextRules.requireName("task domain", context.domain(), limits.maxNameBytes());
        if (context.language() != null) {
            size += TextRules.requireName("task language", context.language(), limits.maxNameBytes());
        }
        if (context.framework() != null) {
            size += TextRules.requireName("task framework", context.framework(), limits.maxNameBytes());
        }
        for (String tag : context.tags()) {
            size += tag.length() + ITEM_OVERHEAD_BYTES; // tags are ASCII
        }
        return size;
    }

    private long checkMetadata(String what, Map<String, String> metadata) {
        if (metadata == null) {
            return 0;
        }
        long size = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new InvalidInputException(what + " must not hold null keys or values");
            }
            size += TextRules.requireName(what + " key", e.getKey(), limits.maxNameBytes())
                    + TextRules.measure(what + " value", e.getValue())
                    + ENTRY_OVERHEAD_BYTES;
        }
        return size;
    }

    /**
     * Checks that the outcome's text is valid and still fits the whole-episode limit.
     *
     * @return the outcome's estimated serialised size
     */
    public long checkOutcome(TaskOutcome outcome, long episodeBytes) {
        // the outcome's texts have no limit of their own: the whole episode's holds them
        long size = 64;
        if (outcome instanceof TaskOutcome.Success s) {
            size += TextRules.measure("outcome verdict", s.verdict()) + listBytes("outcome artifact", s.artifacts());
        } else if (outcome instanceof TaskOutcome.PartialSuccess p) {
            size += TextRules.measure("outcome verdict", p.verdict())
                    + listBytes("outcome completed item", p.completed())
                    + listBytes("outcome failed item", p.failed());
        } else if (outcome instanceof TaskOutcome.Failure f) {
            size += TextRules.measure("outcome reason", f.reason())
                    + (f.details() == null ? 0 : TextRules.measure("outcome details", f.details()));
        } else if (outcome instanceof TaskOutcome.Abstained a) {
            size += TextRules.measure("abstention reason", a.reason());
        }
        requireEpisodeFits(episodeBytes + size);
        return size;
    }

    private long listBytes(String what, List<String> items) {
        long size = 0;
        for (String item : items) {
            size += TextRules.measure(what, item) + ITEM_OVERHEAD_BYTES;
        }
        return size;
    }

    /**
     * Checks one more step for an episode that already has {@code stepsSoFar} steps, the last one numbered
     * {@code lastStepNumber} (0 when there is none), and {@code episodeBytes} bytes. Step numbers start at 1 and
     * increase strictly within an episode (see {@link ExecutionStep}).
     *
     * @return the step's estimated serialised size
     */
    public long checkStep(ExecutionStep step, int stepsSoFar, int lastStepNumber, long episodeBytes) {
        if (stepsSoFar + 1 > limits.maxStepsPerEpisode()) {
            throw new InputLimitExceededException("steps per episode", stepsSoFar + 1L, limits.maxStepsPerEpisode(),
                    "steps");
        }
        int n = step.stepNumber();
        if (n < 1) {
            throw new InvalidInputException("step number must be >= 1, was " + n);
        }
        if (n <= lastStepNumber) {
            throw new InvalidInputException("step number " + n + " must be greater than the previous step's "
                    + lastStepNumber);
        }
        String what = "step " + n;
        if (step.tokensUsed() != null && step.tokensUsed() < 0) {
            throw new InvalidInputException(what + " tokens used must be >= 0, was " + step.tokensUsed());
        }
        long size = STEP_OVERHEAD_BYTES
                + TextRules.requireName(what + " tool", step.tool(), limits.maxNameBytes())
                + TextRules.requireText(what + " action", step.action(), limits.maxActionBytes());
        if (step.result() != null) {
            String kind = step.result() instanceof ExecutionResult.Error ? " error message" : " output";
            size += TextRules.requireText(what + kind, step.result().text(), limits.maxStepOutputBytes());
        }
        size += TextRules.requireText(what + " parameters", step.parameters(), limits.maxStepParametersBytes());
        JsonValueCheck.requireOneValue(what + " parameters", step.parameters());
        size += checkMetadata(what + " metadata", step.metadata());
        requireEpisodeFits(episodeBytes + size);
        return size;
    }

    /** Checks a retrieval's query text, context and filter. */
    public void checkRetrieval(String query, TaskContext context, RetrievalFilter filter) {
        TextRules.requireText("retrieval query", query, limits.maxQueryBytes());
        if (context != null) {
            checkContext(context);
        }
        if (filter != null) {
            checkFilterName("filter domain", filter.domain());
            checkFilterName("filter language", filter.language());
            checkFilterName("filter framework", filter.framework());
        }
    }

    private void checkFilterName(String what, String name) {
        if (name != null) {
            TextRules.requireName(what, name, limits.maxNameBytes());
        }
    }

    public void checkRetrievalLimit(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("retrieval limit must be at least 1, was " + limit);
        }
        if (limit > limits.maxRetrievalLimit()) {
            throw new InputLimitExceededException("retrieval limit", limit, limits.maxRetrievalLimit(), "results");
        }
    }

    private void requireEpisodeFits(long size) {
        if (size > limits.maxEpisodeBytes()) {
            throw new InputLimitExceededException("serialised episode", size, limits.maxEpisodeBytes(), "bytes");
        }
    }

    /**
     * The estimated serialised size of an episode header already accepted (one in progress, reopened from a store).
     * It does not apply today's rules: a store written under older rules must still open.
     */
    public static long headerSize(Episode header) {
        TaskContext c = header.context();
        long size = EPISODE_OVERHEAD_BYTES + utf8Length(header.description()) + utf8Length(c.domain())
                + (c.language() == null ? 0 : utf8Length(c.language()))
                + (c.framework() == null ? 0 : utf8Length(c.framework()));
        for (String tag : c.tags()) {
            size += tag.length() + ITEM_OVERHEAD_BYTES;
        }
        return size + metadataSize(header.metadata());
    }

    /** The estimated serialised size of a step already accepted (for an episode reopened from a store). */
    public static long stepSize(ExecutionStep step) {
        return STEP_OVERHEAD_BYTES + (step.result() == null ? 0 : utf8Length(step.result().text()))
                + utf8Length(step.parameters()) + utf8Length(step.tool()) + utf8Length(step.action())
                + metadataSize(step.metadata());
    }

    private static long metadataSize(Map<String, String> metadata) {
        long size = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            size += utf8Length(e.getKey()) + utf8Length(e.getValue()) + ENTRY_OVERHEAD_BYTES;
        }
        return size;
    }

    /** UTF-8 length without encoding the string; an unpaired surrogate counts as the 3 bytes of its replacement. */
    public static long utf8Length(CharSequence s) {
        int n = s.length();
        long bytes = n;
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
