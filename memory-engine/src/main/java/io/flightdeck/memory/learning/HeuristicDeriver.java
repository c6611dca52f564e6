package io.flightdeck.memory.learning;

import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns decision points seen often enough into heuristics: "when {condition}, use {tool}", trusted with
 * {@code confidence = successRate * sqrt(n)} (ENGINE.md). A decision point seen once is an anecdote, not a rule.
 */
public final class HeuristicDeriver {

    private final int minSamples;
    private final double minConfidence;

    public HeuristicDeriver(int minSamples, double minConfidence) {
        this.minSamples = minSamples;
        this.minConfidence = minConfidence;
    }

    public List<Heuristic> derive(List<Pattern> merged) {
        List<Heuristic> heuristics = new ArrayList<>(2);
        for (Pattern p : merged) {
            if (p instanceof Pattern.DecisionPoint dp && dp.occurrences() >= minSamples) {
                double confidence = confidence(dp.successRate(), dp.occurrences());
                if (confidence >= minConfidence) {
                    heuristics.add(new Heuristic(Pattern.idFor("heuristic|" + dp.key()), dp.condition(), dp.action(),
                            confidence, new Heuristic.Evidence(dp.evidence(), dp.successRate(), dp.occurrences())));
                }
            }
        }
        return heuristics;
    }

    public static double confidence(double successRate, int sampleSize) {
        return successRate * Math.sqrt(sampleSize);
    }
}
