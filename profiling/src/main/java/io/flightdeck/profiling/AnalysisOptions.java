package io.flightdeck.profiling;

import java.time.Instant;

/**
 * How to analyse.
 *
 * @param top          rows per ranking
 * @param from         only events starting at or after this instant; null for the recording's start
 * @param to           only events starting before this instant; null for its end
 * @param maxTreeNodes cap on each call tree's nodes, so a huge recording's stacks stay within a bounded heap
 */
public record AnalysisOptions(int top, Instant from, Instant to, int maxTreeNodes) {

    public static final int DEFAULT_TOP = 20;
    public static final int DEFAULT_MAX_TREE_NODES = 500_000;

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(DEFAULT_TOP, null, null, DEFAULT_MAX_TREE_NODES);
    }

    public AnalysisOptions withWindow(Instant from, Instant to) {
        return new AnalysisOptions(top, from, to, maxTreeNodes);
    }

    public AnalysisOptions withTop(int top) {
        return new AnalysisOptions(top, from, to, maxTreeNodes);
    }

    boolean inWindow(Instant start) {
        return (from == null || !start.isBefore(from)) && (to == null || start.isBefore(to));
    }
}
