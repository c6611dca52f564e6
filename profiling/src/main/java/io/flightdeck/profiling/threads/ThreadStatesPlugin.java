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
        ThreadStates states = collector.result(context.from(), context.to(), context.recording().settings(),
                context.top());
        if (states.virtualThreads() > 0) {
            context.warn(virtualThreadsWarning(states.virtualThreads()));
        }
        return states;
    }

    /**
     * A locks section without a line of contention is no evidence when virtual threads ran: JFR (JDK 21 to 25)
     * records no event for a virtual thread that waits on a lock, a monitor or a condition (seen on JDK 25: eight
     * virtual threads taking turns on a ReentrantLock and a monitor left no event at all).
     */
    static String virtualThreadsWarning(long virtualThreads) {
        return String.format(java.util.Locale.ROOT, "%,d virtual thread%s ran: JFR records their sleeps but not their "
                + "waits for locks, monitors or conditions, so contention among them is missing from the locks "
                + "section and their thread states", virtualThreads, virtualThreads == 1 ? "" : "s");
    }

    /** async-profiler's wall-clock samples, when the recording has them: the {@code --event wall} flame graph. */
    @Override
    public CallTree tree(ThreadStatesCollector collector) {
        return collector.wallTree();
    }
}
