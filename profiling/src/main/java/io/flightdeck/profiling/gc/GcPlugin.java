package io.flightdeck.profiling.gc;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.profiling.AnalysisOptions.Section;
import io.flightdeck.profiling.spi.AnalysisPlugin;
import io.flightdeck.profiling.spi.PassContext;
import io.flightdeck.profiling.spi.ResultContext;

/** Collections, pauses, the heap trend: the plug-in of {@link GcCollector}. */
public final class GcPlugin implements AnalysisPlugin<GcCollector, GcAnalysis> {

    @Override
    public String name() {
        return "gc";
    }

    @Override
    public Section section() {
        return Section.GC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(GcCollector.GARBAGE_COLLECTION, GcCollector.PHASE_PAUSE, GcCollector.HEAP_SUMMARY,
                GcCollector.GC_CPU_TIME);
    }

    @Override
    public GcCollector collector(PassContext pass) {
        return new GcCollector(pass.frames());
    }

    @Override
    public GcAnalysis result(GcCollector collector, ResultContext context) {
        return collector.result(context.top(), context.from(), context.seconds(), context.processCpuNanos());
    }

    @Override
    public List<String> missing(Map<String, Long> counts) {
        return counts.containsKey(GcCollector.HEAP_SUMMARY) ? List.of()
                : List.of("no jdk.GCHeapSummary events: no post-GC heap trend");
    }
}
