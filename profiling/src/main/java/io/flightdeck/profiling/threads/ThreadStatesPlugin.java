package io.flightdeck.profiling.threads;

import java.util.Set;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.AnalysisOptions.Section;
import io.flightdeck.profiling.spi.AnalysisPlugin;
import io.flightdeck.profiling.spi.PassContext;
import io.flightdeck.profiling.spi.ResultContext;

/** Where the threads' time went, by state: the plug-in of {@link ThreadStatesCollector}. */
public final class ThreadStatesPlugin implements AnalysisPlugin<ThreadStatesCollector, ThreadStates> {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public Section section() {
        return Section.THREADS;
    }

    @Override
    public Set<String> eventTypes() {
        return ThreadStatesCollector.TYPES;
    }

    @Override
    public ThreadStatesCollector collector(PassContext pass) {
        return new ThreadStatesCollector(pass.frames(), pass.maxTreeNodes(), pass.options().measured());
    }

    @Override
    public ThreadStates result(ThreadStatesCollector collector, ResultContext context) {
        return collector.result(context.from(), context.to(), context.recording().settings(), context.top());
    }

    /** async-profiler's wall-clock samples, when the recording has them: the {@code --event wall} flame graph. */
    @Override
    public CallTree tree(ThreadStatesCollector collector) {
        return collector.wallTree();
    }
}
