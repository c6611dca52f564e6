package io.flightdeck.profiling;

import java.time.Instant;

import io.flightdeck.profiling.rules.JmcRules;

/**
 * How to analyse.
 *
 * @param top          rows per ranking
 * @param from         only events starting at or after this instant; null for the recording's start
 * @param to           only events starting before this instant; null for its end
 * @param maxTreeNodes cap on each call tree's nodes, so a huge recording's stacks stay within a bounded heap
 * @param rulesMaxBytes recordings up to this size also get JMC's rules (which hold a recording in memory); 0 never
 */
public record AnalysisOptions(int top, Instant from, Instant to, int maxTreeNodes, long rulesMaxBytes) {

    public static final int DEFAULT_TOP = 20;
    public static final int DEFAULT_MAX_TREE_NODES = 500_000;

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(DEFAULT_TOP, null, null, DEFAULT_MAX_TREE_NODES, JmcRules.DEFAULT_MAX_BYTES);
    }

    public AnalysisOptions withWindow(Instant from, Instant to) {
        return new AnalysisOptions(top, from, to, maxTreeNodes, rulesMaxBytes);
    }

    public AnalysisOptions withTop(int top) {
        return new AnalysisOptions(top, from, to, maxTreeNodes, rulesMaxBytes);
    }

    public AnalysisOptions withRulesMaxBytes(long rulesMaxBytes) {
        return new AnalysisOptions(top, from, to, maxTreeNodes, rulesMaxBytes);
    }

    boolean inWindow(Instant start) {
        return (from == null || !start.isBefore(from)) && (to == null || start.isBefore(to));
    }
}
