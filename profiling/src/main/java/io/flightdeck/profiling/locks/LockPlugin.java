package io.flightdeck.profiling.locks;

import java.util.Set;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.AnalysisOptions.Section;
import io.flightdeck.profiling.spi.AnalysisPlugin;
import io.flightdeck.profiling.spi.PassContext;
import io.flightdeck.profiling.spi.ResultContext;

/** Where threads waited: the plug-in of {@link LockCollector}. */
public final class LockPlugin implements AnalysisPlugin<LockCollector, LockAnalysis> {

    @Override
    public String name() {
        return "locks";
    }

    @Override
    public Section section() {
        return Section.LOCKS;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(LockCollector.MONITOR_ENTER, LockCollector.THREAD_PARK);
    }

    @Override
    public LockCollector collector(PassContext pass) {
        return new LockCollector(pass.frames(), pass.maxTreeNodes());
    }

    @Override
    public LockAnalysis result(LockCollector collector, ResultContext context) {
        return collector.result(context.top());
    }

    @Override
    public CallTree tree(LockCollector collector) {
        return collector.tree();
    }
}
