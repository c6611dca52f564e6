package io.flightdeck.profiling.leaks;

import java.util.Set;

import io.flightdeck.profiling.AnalysisOptions.Section;
import io.flightdeck.profiling.spi.AnalysisPlugin;
import io.flightdeck.profiling.spi.PassContext;
import io.flightdeck.profiling.spi.ResultContext;

/** Leak suspects from old-object samples: the plug-in of {@link OldObjectCollector}. */
public final class LeakPlugin implements AnalysisPlugin<OldObjectCollector, LeakAnalysis> {

    @Override
    public String name() {
        return "leaks";
    }

    @Override
    public Section section() {
        return Section.LEAKS;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(OldObjectCollector.OLD_OBJECT_SAMPLE);
    }

    @Override
    public OldObjectCollector collector(PassContext pass) {
        return new OldObjectCollector(pass.frames());
    }

    @Override
    public LeakAnalysis result(OldObjectCollector collector, ResultContext context) {
        return collector.result(context.top());
    }
}
