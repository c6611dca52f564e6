package io.flightdeck.memory.learning;

import io.flightdeck.memory.model.EpisodeFacts;
import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the patterns one completed episode shows (ENGINE.md, lifecycle step 4). Pure: it reads the episode
 * and returns fresh observations; merging them with what is already known is {@link PatternLibrary}'s job.
 *
 * <ul>
 *   <li>ToolSequence: when the step success rate reaches the threshold, the tools of the successful steps in
 *       order, repeats in a row collapsed, at most {@code maxSequenceLength}.</li>
 *   <li>DecisionPoint: each step whose action checks, verifies or validates something.</li>
 *   <li>ErrorRecovery: each failure (the first of a run of failures) that a later step got past, with the tools
 *       from the failure to the first success after it.</li>
 *   <li>ContextPattern: the episode's language / framework / domain / complexity and the approach taken.</li>
 * </ul>
 * Hot path: called on every completion, so it walks the steps a few times with plain loops, no regex.
 */
public final class PatternExtractor {

    private static final int MAX_CONDITION_LENGTH = 120;

    private final double successThreshold;
    private final int maxSequenceLength;

    public PatternExtractor(double successThreshold, int maxSequenceLength) {
        this.successThreshold = successThreshold;
        this.maxSequenceLength = maxSequenceLength;
    }

    public List<Pattern> extract(UUID episodeId, TaskContext context, List<ExecutionStep> steps, TaskOutcome outcome,
                                 EpisodeFacts facts) {
        Map<String, Pattern> found = new LinkedHashMap<>();
        List<String> successfulTools = successfulToolSequence(steps, maxSequenceLength);
        if (facts.steps() > 0 && facts.successRate() >= successThreshold && successfulTools.size() >= 2) {
            add(found, Pattern.ToolSequence.candidate(context, successfulTools, facts.successRate(),
                    facts.averageLatencyMs(), episodeId));
        }
        decisionPoints(episodeId, context, steps, found);
        errorRecoveries(episodeId, context, steps, outcome, found);
        add(found, Pattern.ContextPattern.candidate(context, features(context), approach(successfulTools),
                outcome.isSuccess(), episodeId));
        return new ArrayList<>(found.values());
    }

    /** Same key twice within one episode counts once more, like two episodes would. */
    private static void add(Map<String, Pattern> found, Pattern p) {
        found.merge(p.key(), p, Pattern::mergedWith);
    }

    private void decisionPoints(UUID episodeId, TaskContext context, List<ExecutionStep> steps,
                                Map<String, Pattern> found) {
        for (ExecutionStep step : steps) {
            if (step.result() != null && isDecision(step.action())) {
                add(found, Pattern.DecisionPoint.candidate(context, condition(step.action()), step.tool(),
                        step.succeeded(), episodeId));
            }
        }
    }

    private void errorRecoveries(UUID episodeId, TaskContext context, List<ExecutionStep> steps, TaskOutcome outcome,
                                 Map<String, Pattern> found) {
        double outcomeRate = outcomeRate(outcome);
        for (int i = 0; i < steps.size(); i++) {
            ExecutionStep failedStep = steps.get(i);
            if (!failedStep.failed() || (i > 0 && steps.get(i - 1).failed())) {
                continue;
            }
            int recovered = -1;
            for (int j = i + 1; j < steps.size(); j++) {
                if (steps.get(j).succeeded()) {
                    recovered = j;
                    break;
                }
            }
            if (recovered < 0) {
                continue;
            }
            List<String> recovery = new ArrayList<>(Math.min(maxSequenceLength, recovered - i));
            for (int j = i + 1; j <= recovered && recovery.size() < maxSequenceLength; j++) {
                recovery.add(steps.get(j).tool());
            }
            add(found, Pattern.ErrorRecovery.candidate(context, errorType(failedStep.result()), recovery, outcomeRate,
                    episodeId));
        }
    }

    /** Success rate an episode's outcome stands for: 1, the completed share, or 0. */
    static double outcomeRate(TaskOutcome outcome) {
        if (outcome instanceof TaskOutcome.Success) {
            return 1.0;
        }
        if (outcome instanceof TaskOutcome.PartialSuccess p) {
            int n = p.completed().size() + p.failed().size();
            return n == 0 ? 0.5 : (double) p.completed().size() / n;
        }
        return 0.0;
    }

    static List<String> successfulToolSequence(List<ExecutionStep> steps, int maxLength) {
        List<String> tools = new ArrayList<>(maxLength);
        String last = null;
        for (ExecutionStep step : steps) {
            if (step.succeeded() && !step.tool().equals(last)) {
                tools.add(step.tool());
                last = step.tool();
                if (tools.size() == maxLength) {
                    break;
                }
            }
        }
        return tools;
    }

    /**
     * True when a word of the action is a form of check, verify or validate ("checking", "verified",
     * "validation"), but not a word that merely starts like one ("checkout", "checksum", "unchecked").
     * One pass over the characters, comparing only at word starts that begin with c or v: this runs for every
     * step of every completed episode.
     */
    static boolean isDecision(String action) {
        int n = action.length();
        boolean previousIsLetter = false;
        for (int i = 0; i < n; i++) {
            char c = action.charAt(i);
            boolean letter = isAsciiLetter(c) || (c > 127 && Character.isLetter(c));
            if (letter && !previousIsLetter && (c == 'c' || c == 'C' || c == 'v' || c == 'V')
                    && isDecisionWord(action, i)) {
                return true;
            }
            previousIsLetter = letter;
        }
        return false;
    }

    private static boolean isDecisionWord(String s, int start) {
        int end = start;
        while (end < s.length() && (isAsciiLetter(s.charAt(end)) || Character.isLetter(s.charAt(end)))) {
            end++;
        }
        int len = end - start;
        if (len >= 5 && startsWithAscii(s, start, "check")) {
            return len == 5 || endsWithAny(s, start + 5, end, "s", "ed", "ing");
        }
        return (len >= 5 && startsWithAscii(s, start, "verif")) || (len >= 7 && startsWithAscii(s, start, "validat"));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Case-insensitive match of a lower-case ASCII word at {@code from}. Hand-written because
     * {@code String.regionMatches(true, ...)} takes a slow per-character path that dominated extraction's profile.
     */
    private static boolean startsWithAscii(String s, int from, String lowerWord) {
        for (int i = 0; i < lowerWord.length(); i++) {
            char c = s.charAt(from + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowerWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithAny(String s, int from, int end, String... suffixes) {
        for (String suffix : suffixes) {
            if (end - from == suffix.length() && startsWithAscii(s, from, suffix)) {
                return true;
            }
        }
        return false;
    }

    /** The action as a condition: lower case, single spaces, bounded length. */
    static String condition(String action) {
        StringBuilder out = new StringBuilder(Math.min(action.length(), MAX_CONDITION_LENGTH));
        boolean pendingSpace = false;
        for (int i = 0; i < action.length() && out.length() < MAX_CONDITION_LENGTH; i++) {
            char c = action.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /**
     * A stable name for what went wrong: "timeout"; the simple name of the first exception or error class in the
     * message ({@code java.lang.NullPointerException: ...} gives {@code NullPointerException}); else the text before
     * the first colon; else the first three words.
     */
    static String errorType(ExecutionResult result) {
        if (!(result instanceof ExecutionResult.Error error)) {
            return "timeout";
        }
        String message = error.message().strip();
        String exception = firstThrowableName(message);
        if (exception != null) {
            return exception;
        }
        int colon = message.indexOf(':');
        String head = colon > 0 ? message.substring(0, colon) : firstWords(message, 3);
        head = head.toLowerCase(Locale.ROOT).strip();
        return head.isEmpty() ? "error" : head.length() <= 60 ? head : head.substring(0, 60);
    }

    /**
     * The simple name of the first word ending in Exception or Error ({@code java.lang.IllegalStateException} gives
     * {@code IllegalStateException}); found with String.indexOf, so long messages without one cost little.
     */
    private static String firstThrowableName(String message) {
        int from = 0;
        while (true) {
            int exception = message.indexOf("Exception", from);
            int error = message.indexOf("Error", from);
            if (exception < 0 && error < 0) {
                return null;
            }
            boolean isException = exception >= 0 && (error < 0 || exception < error);
            int at = isException ? exception : error;
            int end = at + (isException ? "Exception".length() : "Error".length());
            if (end == message.length() || !isNamePart(message.charAt(end))) {
                int start = at;
                while (start > 0 && isNamePart(message.charAt(start - 1))) {
                    start--;
                }
                int dot = message.lastIndexOf('.', end - 1);
                int simpleStart = dot >= start ? dot + 1 : start;
                if (simpleStart < end) {
                    return message.substring(simpleStart, end);
                }
            }
            from = end;
        }
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '$';
    }

    private static String firstWords(String text, int count) {
        String[] words = text.split("\\s+", count + 1);
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(count, words.length)));
    }

    static List<String> features(TaskContext context) {
        List<String> features = new ArrayList<>(4);
        if (context.language() != null) {
            features.add("language=" + context.language());
        }
        if (context.framework() != null) {
            features.add("framework=" + context.framework());
        }
        features.add("domain=" + context.domain());
        features.add("complexity=" + context.complexity().name().toLowerCase(Locale.ROOT));
        return features;
    }

    private static String approach(List<String> successfulTools) {
        return successfulTools.isEmpty() ? "no step succeeded" : String.join(" -> ", successfulTools);
    }
}
