package io.flightdeck.profiling.cpu;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.AnalysisOptions.Section;
import io.flightdeck.profiling.spi.AnalysisPlugin;
import io.flightdeck.profiling.spi.PassContext;
import io.flightdeck.profiling.spi.ResultContext;

/** Where the CPU went: the plug-in of {@link CpuCollector}. */
public final class CpuPlugin implements AnalysisPlugin<CpuCollector, CpuAnalysis> {

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public Section section() {
        return Section.CPU;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CpuCollector.EXECUTION_SAMPLE, CpuCollector.NATIVE_SAMPLE);
    }

    @Override
    public CpuCollector collector(PassContext pass) {
        return new CpuCollector(pass.frames(), pass.maxTreeNodes(), pass.ranks());
    }

    @Override
    public CpuAnalysis result(CpuCollector collector, ResultContext context) {
        return collector.result(context.top());
    }

    @Override
    public CallTree tree(CpuCollector collector) {
        return collector.tree();
    }

    @Override
    public List<String> missing(Map<String, Long> counts) {
        return counts.containsKey(CpuCollector.EXECUTION_SAMPLE) ? List.of()
                : List.of("no jdk.ExecutionSample events: the recording's settings did not sample the CPU");
    }
}
