package io.flightdeck.profiling.spi;

import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.EventCollector;

/**
 * One analysis during one pass: the plug-in with the collector it made, so the analyzer can hold analyses of any
 * collector type in one list and the types still match when it asks for the result.
 */
public final class Run<C extends EventCollector, R> {

    private final AnalysisPlugin<C, R> plugin;
    private final C collector;
    private R result;

    public Run(AnalysisPlugin<C, R> plugin, PassContext pass) {
        this.plugin = plugin;
        this.collector = plugin.collector(pass);
    }

    public AnalysisPlugin<C, R> plugin() {
        return plugin;
    }

    public EventCollector collector() {
        return collector;
    }

    public void accept(RecordedEvent event, String type) {
        collector.accept(event, type);
    }

    /** The event types to read in a later pass: empty unless the collector still wants them. */
    public Set<String> laterEventTypes() {
        return plugin.needsLaterPass(collector) ? plugin.laterEventTypes() : Set.of();
    }

    /** Computes the result once; later calls give the same object. */
    public R result(ResultContext context) {
        if (result == null) {
            result = plugin.result(collector, context);
        }
        return result;
    }

    public CallTree tree() {
        return plugin.tree(collector);
    }
}
