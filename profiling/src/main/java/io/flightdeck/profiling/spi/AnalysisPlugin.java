package io.flightdeck.profiling.spi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.AnalysisOptions.Section;
import io.flightdeck.profiling.EventCollector;

/**
 * One analysis of a recording, as the analyzer runs it: it names the events it reads and the section it belongs to,
 * makes a fresh collector for each pass, and turns that collector into its part of the analysis. Adding an analysis
 * is one class implementing this and one line in {@link RegisteredAnalyses}; the analyzer decodes only the event
 * types that the registered analyses of the asked-for sections declare.
 *
 * @param <C> what gathers the events during the pass
 * @param <R> the analysis's result, a part of {@code analysis.json}
 */
public interface AnalysisPlugin<C extends EventCollector, R> {

    /** The part of {@code analysis.json} this analysis fills, e.g. "cpu". */
    String name();

    /** The section that turns it on or off ({@code --only}); when off, its events are not decoded. */
    Section section();

    /** The event types it reads in the single pass. */
    Set<String> eventTypes();

    /** A fresh collector for one pass. */
    C collector(PassContext pass);

    /**
     * Event types read in a second pass of their own, after the main one, and only when
     * {@link #needsLaterPass} says so: for events too numerous to decode on every recording when only a few
     * recordings need them.
     */
    default Set<String> laterEventTypes() {
        return Set.of();
    }

    /** Whether, after the main pass, the collector still wants {@link #laterEventTypes}. */
    default boolean needsLaterPass(C collector) {
        return false;
    }

    /** What the events of the later pass are called in a warning when that pass stops early. */
    default String laterEventsName() {
        return String.join("/", laterEventTypes());
    }

    /** Its part of the analysis; may add warnings through the context. Called even when its section was off. */
    R result(C collector, ResultContext context);

    /** Its weighted stacks for a flame graph, or null when it has none. */
    default CallTree tree(C collector) {
        return null;
    }

    /**
     * What to warn about when the recording holds none of the events this analysis needs (from the counts of every
     * event type, over the whole recording); empty when nothing is missing.
     */
    default List<String> missing(Map<String, Long> eventCounts) {
        return List.of();
    }
}
