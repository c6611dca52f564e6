package io.flightdeck.profiling.alloc;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.AnalysisOptions.Section;
import io.flightdeck.profiling.spi.AnalysisPlugin;
import io.flightdeck.profiling.spi.PassContext;
import io.flightdeck.profiling.spi.ResultContext;

/** Who allocates: the plug-in of {@link AllocationCollector}. */
public final class AllocationPlugin implements AnalysisPlugin<AllocationCollector, AllocationAnalysis> {

    @Override
    public String name() {
        return "allocation";
    }

    @Override
    public Section section() {
        return Section.ALLOCATION;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(AllocationCollector.SAMPLE);
    }

    /**
     * The TLAB events only for recordings without allocation samples or with async-profiler's chunks (which write
     * its samples as TLAB events). Why not in the main pass: a JDK recording may have far more TLAB events than
     * samples, and decoding them there cost every recording, while only these few need them.
     */
    @Override
    public Set<String> laterEventTypes() {
        // the settings in the same pass as the events they describe: async-profiler's interval of each chunk
        return Set.of(AllocationCollector.IN_NEW_TLAB, AllocationCollector.OUTSIDE_TLAB,
                AllocationCollector.ACTIVE_SETTING);
    }

    @Override
    public boolean needsLaterPass(AllocationCollector collector) {
        return collector.wantsTlabEvents();
    }

    @Override
    public String laterEventsName() {
        return "TLAB events";
    }

    @Override
    public AllocationCollector collector(PassContext pass) {
        return new AllocationCollector(pass.frames(), pass.maxTreeNodes(), pass.ranks(), pass.chunk());
    }

    @Override
    public AllocationAnalysis result(AllocationCollector collector, ResultContext context) {
        return collector.result(context.top(), context.seconds(), context.recording().jvmVersion());
    }

    @Override
    public CallTree tree(AllocationCollector collector) {
        return collector.tree();
    }

    @Override
    public List<String> missing(Map<String, Long> counts) {
        return counts.containsKey(AllocationCollector.SAMPLE) || counts.containsKey(AllocationCollector.IN_NEW_TLAB)
                || counts.containsKey(AllocationCollector.OUTSIDE_TLAB) ? List.of()
                : List.of("no allocation events: the recording's settings did not sample allocations");
    }
}
