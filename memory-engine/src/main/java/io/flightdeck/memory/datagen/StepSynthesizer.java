package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.TaskType;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns a task into the steps an agent logged: follows the {@link Workflow}, draws each call's result from
 * the configured success / error / timeout mix, and after a failure switches to the recovery plan, so
 * errors are typically followed by a fix and a successful retry.
 * Time advances from the episode's start by each call's latency plus the agent's thinking time between
 * calls; nothing reads the wall clock.
 */
final class StepSynthesizer {

    private StepSynthesizer() {
    }

    /** The steps and what the outcome needs to know about them. */
    record StepTrace(List<ExecutionStep> steps, List<String> changedFiles, int failures, boolean lastStepSucceeded,
                     Tool lastFailedTool, String lastError, boolean committed) {
    }

    private static final double LOG_MIN_THINK = Math.log(300);
    private static final double LOG_THINK_SPAN = Math.log(8_000) - LOG_MIN_THINK;

    static StepTrace synthesize(SplittableRandom rng, TaskDraft draft, int stepCount, GeneratorConfig config,
                                Instant start) {
        TaskType type = draft.type();
        TaskSubject s = draft.subject();
        String commitMessage = commitMessage(draft.description());
        List<ExecutionStep> steps = new ArrayList<>(stepCount);
        List<String> changed = new ArrayList<>(4);
        ArrayDeque<Workflow.PlannedStep> pending = new ArrayDeque<>(4);
        Tool failedTool = null;
        String failedArgument = null;
        boolean failedByTimeout = false;
        boolean previousFailed = false;
        int failures = 0;
        boolean committed = false;
        String lastError = null;
        long clock = start.toEpochMilli();

        for (int k = 0; k < stepCount; k++) {
            Workflow.PlannedStep planned = pending.isEmpty() ? Workflow.scheduled(type, k, stepCount, rng) : pending.poll();
            Tool tool = planned.tool();
            Purpose purpose = planned.purpose();
            boolean retryAfterTimeout = purpose == Purpose.RETRY && failedByTimeout;
            StepRecipes.Recipe recipe = StepRecipes.recipe(type, draft.intent(), purpose, tool, failedTool,
                    retryAfterTimeout, rng);
            String action = recipe.action().render(s);
            String argument = recipe.argument() != null ? recipe.argument().render(s)
                    : retryArgument(tool, failedArgument);

            double u = rng.nextDouble();
            String parameters = StepParameters.of(tool, purpose, type, s, argument, retryAfterTimeout, commitMessage, rng);
            long latency;
            ExecutionResult result;
            Integer tokens;
            if (u < config.successRate()) {
                latency = tool.latencyMs(rng);
                result = ExecutionResult.success(ToolResults.success(tool, purpose, type, s, argument, latency,
                        commitMessage, rng));
                tokens = tool.tokens(rng);
            } else if (u < config.successRate() + config.errorRate()) {
                latency = tool.latencyMs(rng);
                result = ExecutionResult.error(ToolResults.error(tool, type, s, argument, rng));
                tokens = tool.tokens(rng);
            } else {
                latency = retryAfterTimeout ? 2 * tool.timeoutMs : tool.timeoutMs;
                result = ExecutionResult.timeout();
                tokens = 20 + rng.nextInt(60);
            }
            clock += Math.round(Math.exp(LOG_MIN_THINK + rng.nextDouble() * LOG_THINK_SPAN)) + latency;
            steps.add(new ExecutionStep(k + 1, Instant.ofEpochMilli(clock), tool.id, action, parameters, result,
                    latency, tokens, Map.of()));

            if (result.isSuccess()) {
                if ((tool == Tool.EDIT_FILE || tool == Tool.WRITE_FILE) && !changed.contains(argument)) {
                    changed.add(argument);
                }
                committed |= tool == Tool.GIT_COMMIT;
                previousFailed = false;
            } else {
                failures++;
                previousFailed = true;
                failedTool = tool;
                failedArgument = argument;
                failedByTimeout = result instanceof ExecutionResult.Timeout;
                lastError = failedByTimeout ? tool.id + " timed out after " + latency + " ms" : result.text();
                Workflow.planRecovery(planned, failedByTimeout, pending, rng);
            }
        }
        return new StepTrace(steps, changed, failures, !previousFailed, failedTool, lastError, committed);
    }

    /**
     * A retry repeats the failed call's argument (the same file, query or command), except that a grep
     * pattern that did not compile is escaped. A recovery that names no argument acts on the failed one
     * (re-read the file an edit failed on).
     */
    private static String retryArgument(Tool tool, String failedArgument) {
        if (failedArgument == null) {
            return null;
        }
        if (tool == Tool.GREP && failedArgument.contains("(") && !failedArgument.contains("\\(")) {
            return failedArgument.replace("(", "\\(");
        }
        return failedArgument;
    }

    /** First sentence of the description without the ticket reference, at most 72 characters, as in git. */
    static String commitMessage(String description) {
        int end = description.indexOf(". ");
        String m = end < 0 ? description : description.substring(0, end);
        int ticket = m.lastIndexOf(" (");
        if (ticket > 0 && m.endsWith(")")) {
            m = m.substring(0, ticket);
        }
        return m.length() <= 72 ? m : m.substring(0, 69) + "...";
    }
}
