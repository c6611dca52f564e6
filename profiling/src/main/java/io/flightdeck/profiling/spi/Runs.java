package io.flightdeck.profiling.spi;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.EventCollector;

/** The registered analyses of one pass, each with its collector; results are read back by plug-in, typed. */
public final class Runs {

    private final Map<AnalysisPlugin<?, ?>, Run<?, ?>> byPlugin = new IdentityHashMap<>();
    private final List<Run<?, ?>> all = new ArrayList<>();

    public Runs(List<AnalysisPlugin<?, ?>> plugins, PassContext pass) {
        for (AnalysisPlugin<?, ?> p : plugins) {
            Run<?, ?> run = start(p, pass);
            byPlugin.put(p, run);
            all.add(run);
        }
    }

    private static <C extends EventCollector, R> Run<C, R> start(AnalysisPlugin<C, R> plugin, PassContext pass) {
        return new Run<>(plugin, pass);
    }

    public List<Run<?, ?>> all() {
        return all;
    }

    /** The result of a registered analysis (computed at the first call). */
    @SuppressWarnings("unchecked") // the map pairs each plug-in with the run it started
    public <R> R result(AnalysisPlugin<?, R> plugin, ResultContext context) {
        return ((Run<?, R>) byPlugin.get(plugin)).result(context);
    }

    public CallTree tree(AnalysisPlugin<?, ?> plugin) {
        return byPlugin.get(plugin).tree();
    }
}
