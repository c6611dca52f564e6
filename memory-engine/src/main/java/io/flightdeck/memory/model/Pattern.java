package io.flightdeck.memory.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Something the engine learnt from completed episodes. Two patterns with the same {@link #key()} are the
 * same pattern seen again: they are {@linkplain #mergedWith merged} (occurrences add up, rates are
 * weighted by occurrences), never stored twice. The id is derived from the key, so it is stable across
 * runs and stores. Extraction makes <em>candidates</em> without an id (deriving one hashes the key with MD5,
 * too slow to do for every observation); the library assigns it once, when a key is seen for the first time.
 */
public sealed interface Pattern {

    /** How many evidence episode ids a pattern keeps (the newest). */
    int MAX_EVIDENCE = 20;

    /** Null on a candidate fresh from extraction; the library gives it the id of its key. */
    UUID id();

    /** The same pattern with the given id. */
    Pattern withId(UUID id);

    TaskContext context();

    /** Identity of the pattern: kind, context signature and defining fields. */
    String key();

    int occurrences();

    double successRate();

    /** Newest episodes that showed this pattern, at most {@link #MAX_EVIDENCE}. */
    List<UUID> evidence();

    /** Combines this pattern with another observation of the same key. */
    Pattern mergedWith(Pattern other);

    /** Success rate discounted for little evidence: one success scores 0.5, nine score 0.9. */
    default double effectiveness() {
        return successRate() * occurrences() / (occurrences() + 1.0);
    }

    static UUID idFor(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    static String contextSignature(TaskContext c) {
        return c.domain() + '/' + (c.language() == null ? "-" : c.language());
    }

    /** Tools that, used in this order, tended to succeed. */
    record ToolSequence(UUID id, TaskContext context, List<String> tools, double successRate, double avgLatencyMs,
                        int occurrences, List<UUID> evidence) implements Pattern {
        public ToolSequence {
            tools = List.copyOf(tools);
            evidence = List.copyOf(evidence);
        }

        public static ToolSequence candidate(TaskContext context, List<String> tools, double successRate,
                                             double avgLatencyMs, UUID episode) {
            return new ToolSequence(null, context, tools, successRate, avgLatencyMs, 1, List.of(episode));
        }

        public static ToolSequence observed(TaskContext context, List<String> tools, double successRate,
                                            double avgLatencyMs, UUID episode) {
            ToolSequence c = candidate(context, tools, successRate, avgLatencyMs, episode);
            return c.withId(idFor(c.key()));
        }

        @Override
        public ToolSequence withId(UUID newId) {
            return new ToolSequence(newId, context, tools, successRate, avgLatencyMs, occurrences, evidence);
        }

        @Override
        public String key() {
            return "tool-sequence|" + contextSignature(context) + '|' + String.join(">", tools);
        }

        @Override
        public Pattern mergedWith(Pattern other) {
            ToolSequence o = (ToolSequence) other;
            int n = occurrences + o.occurrences;
            return new ToolSequence(id != null ? id : o.id, context, tools,
                    weighted(successRate, occurrences, o.successRate, o.occurrences),
                    weighted(avgLatencyMs, occurrences, o.avgLatencyMs, o.occurrences),
                    n, mergeEvidence(evidence, o.evidence));
        }
    }

    /** A step that checked something, what was done about it, and how that turned out. */
    record DecisionPoint(UUID id, TaskContext context, String condition, String action, int successes, int failures,
                         List<UUID> evidence) implements Pattern {
        public DecisionPoint {
            evidence = List.copyOf(evidence);
        }

        public static DecisionPoint candidate(TaskContext context, String condition, String action, boolean succeeded,
                                              UUID episode) {
            return new DecisionPoint(null, context, condition, action, succeeded ? 1 : 0, succeeded ? 0 : 1,
                    List.of(episode));
        }

        public static DecisionPoint observed(TaskContext context, String condition, String action, boolean succeeded,
                                             UUID episode) {
            DecisionPoint c = candidate(context, condition, action, succeeded, episode);
            return c.withId(idFor(c.key()));
        }

        @Override
        public DecisionPoint withId(UUID newId) {
            return new DecisionPoint(newId, context, condition, action, successes, failures, evidence);
        }

        @Override
        public String key() {
            return "decision-point|" + contextSignature(context) + '|' + condition + '|' + action;
        }

        @Override
        public int occurrences() {
            return successes + failures;
        }

        @Override
        public double successRate() {
            int n = occurrences();
            return n == 0 ? 0 : (double) successes / n;
        }

        @Override
        public Pattern mergedWith(Pattern other) {
            DecisionPoint o = (DecisionPoint) other;
            return new DecisionPoint(id != null ? id : o.id, context, condition, action, successes + o.successes, failures + o.failures,
                    mergeEvidence(evidence, o.evidence));
        }
    }

    /** An error of some type, and the steps that got the agent past it. */
    record ErrorRecovery(UUID id, TaskContext context, String errorType, List<String> recoverySteps, double successRate,
                         int occurrences, List<UUID> evidence) implements Pattern {
        public ErrorRecovery {
            recoverySteps = List.copyOf(recoverySteps);
            evidence = List.copyOf(evidence);
        }

        public static ErrorRecovery candidate(TaskContext context, String errorType, List<String> recoverySteps,
                                              double successRate, UUID episode) {
            return new ErrorRecovery(null, context, errorType, recoverySteps, successRate, 1, List.of(episode));
        }

        public static ErrorRecovery observed(TaskContext context, String errorType, List<String> recoverySteps,
                                             double successRate, UUID episode) {
            ErrorRecovery c = candidate(context, errorType, recoverySteps, successRate, episode);
            return c.withId(idFor(c.key()));
        }

        @Override
        public ErrorRecovery withId(UUID newId) {
            return new ErrorRecovery(newId, context, errorType, recoverySteps, successRate, occurrences, evidence);
        }

        @Override
        public String key() {
            return "error-recovery|" + contextSignature(context) + '|' + errorType + '|' + String.join(">", recoverySteps);
        }

        @Override
        public Pattern mergedWith(Pattern other) {
            ErrorRecovery o = (ErrorRecovery) other;
            return new ErrorRecovery(id != null ? id : o.id, context, errorType, recoverySteps,
                    weighted(successRate, occurrences, o.successRate, o.occurrences),
                    occurrences + o.occurrences, mergeEvidence(evidence, o.evidence));
        }
    }

    /** For tasks with these features (language, framework, domain, complexity), this approach worked this often. */
    record ContextPattern(UUID id, TaskContext context, List<String> features, String recommendedApproach,
                          double successRate, int occurrences, List<UUID> evidence) implements Pattern {
        public ContextPattern {
            features = List.copyOf(features);
            evidence = List.copyOf(evidence);
        }

        public static ContextPattern candidate(TaskContext context, List<String> features, String recommendedApproach,
                                               boolean succeeded, UUID episode) {
            return new ContextPattern(null, context, features, recommendedApproach, succeeded ? 1.0 : 0.0, 1,
                    List.of(episode));
        }

        public static ContextPattern observed(TaskContext context, List<String> features, String recommendedApproach,
                                              boolean succeeded, UUID episode) {
            ContextPattern c = candidate(context, features, recommendedApproach, succeeded, episode);
            return c.withId(idFor(c.key()));
        }

        @Override
        public ContextPattern withId(UUID newId) {
            return new ContextPattern(newId, context, features, recommendedApproach, successRate, occurrences, evidence);
        }

        @Override
        public String key() {
            return "context|" + String.join(",", features);
        }

        @Override
        public Pattern mergedWith(Pattern other) {
            ContextPattern o = (ContextPattern) other;
            // The approach of the newer observation wins only when it succeeded, so a failure never
            // replaces what used to work.
            String approach = o.successRate >= successRate ? o.recommendedApproach : recommendedApproach;
            return new ContextPattern(id != null ? id : o.id, context, features, approach,
                    weighted(successRate, occurrences, o.successRate, o.occurrences),
                    occurrences + o.occurrences, mergeEvidence(evidence, o.evidence));
        }
    }

    private static double weighted(double a, int na, double b, int nb) {
        int n = na + nb;
        return n == 0 ? 0 : (a * na + b * nb) / n;
    }

    private static List<UUID> mergeEvidence(List<UUID> older, List<UUID> newer) {
        List<UUID> merged = new ArrayList<>(Math.min(MAX_EVIDENCE, older.size() + newer.size()));
        for (UUID id : older) {
            if (!newer.contains(id)) {
                merged.add(id);
            }
        }
        merged.addAll(newer);
        return merged.size() <= MAX_EVIDENCE ? merged : merged.subList(merged.size() - MAX_EVIDENCE, merged.size());
    }
}
