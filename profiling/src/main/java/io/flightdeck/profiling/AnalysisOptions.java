package io.flightdeck.profiling;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.profiling.rules.JmcRules;

/**
 * How to analyse.
 *
 * @param top          rows per ranking; 0 for no rankings at all (the call trees are still built)
 * @param from         only events starting at or after this instant; null for the recording's start
 * @param to           only events starting before this instant; null for its end
 * @param maxTreeNodes cap on each call tree's nodes, so a huge recording's stacks stay within a bounded heap
 * @param rulesMaxBytes recordings up to this size also get JMC's rules (which hold a recording in memory); 0 never
 * @param sections     the parts to analyse; the events of the others are not even decoded
 * @param countEvents  whether to count every event type of the recording (a second, cheap walk over the file);
 *                     without it {@link RecordingFacts#eventCounts()} is empty and no event is said to be missing
 * @param measured     only events starting inside one of these measured iterations (and within from/to); null for
 *                     the whole JVM
 */
public record AnalysisOptions(int top, Instant from, Instant to, int maxTreeNodes, long rulesMaxBytes,
                              Set<Section> sections, boolean countEvents, MeasuredWindow measured) {

    /** A part of the analysis, with the events it reads. */
    public enum Section { CPU, ALLOCATION, GC, LOCKS, LEAKS, THREADS }

    public AnalysisOptions {
        sections = sections.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(sections));
    }

    public static final int DEFAULT_TOP = 20;
    public static final int DEFAULT_MAX_TREE_NODES = 500_000;

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(DEFAULT_TOP, null, null, DEFAULT_MAX_TREE_NODES, JmcRules.DEFAULT_MAX_BYTES,
                EnumSet.allOf(Section.class), true, null);
    }

    public AnalysisOptions withWindow(Instant from, Instant to) {
        return new AnalysisOptions(top, from, to, maxTreeNodes, rulesMaxBytes, sections, countEvents, measured);
    }

    /** Only the measured iterations of this window; null for the whole JVM. */
    public AnalysisOptions withMeasured(MeasuredWindow measured) {
        return new AnalysisOptions(top, from, to, maxTreeNodes, rulesMaxBytes, sections, countEvents, measured);
    }

    public AnalysisOptions withTop(int top) {
        return new AnalysisOptions(top, from, to, maxTreeNodes, rulesMaxBytes, sections, countEvents, measured);
    }

    public AnalysisOptions withRulesMaxBytes(long rulesMaxBytes) {
        return new AnalysisOptions(top, from, to, maxTreeNodes, rulesMaxBytes, sections, countEvents, measured);
    }

    /**
     * Only what one call tree needs, as fast as it can be read: that section, no rankings, no rules, no count of
     * every event type. The other sections come back empty.
     */
    public AnalysisOptions onlyStacksOf(Section section) {
        return new AnalysisOptions(0, from, to, maxTreeNodes, 0, EnumSet.of(section), false, measured);
    }

    /** Whether rankings are wanted; without them a collector skips the per-event tallies. */
    public boolean ranks() {
        return top > 0;
    }

    boolean analyses(Section section) {
        return sections.contains(section);
    }

    boolean inWindow(Instant start) {
        return (from == null || !start.isBefore(from)) && (to == null || start.isBefore(to))
                && (measured == null || measured.contains(start));
    }

    /** The seconds the analysis covers, between the first and last instants it reads (for rates per second). */
    double windowSeconds(Instant first, Instant last) {
        if (measured != null) {
            return measured.secondsBetween(first, last);
        }
        return Math.max(0, Duration.between(first, last).toNanos() / 1e9);
    }
}
