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

    static final String DEBUG_NON_SAFEPOINTS = "DebugNonSafepoints";
    /** The warning given for samples of a JVM without DebugNonSafepoints; a reader of warnings may look for it. */
    public static final String INLINING_WARNING = "the recording was made without -XX:+UnlockDiagnosticVMOptions "
            + "-XX:+DebugNonSafepoints: JFR attributes samples in methods the JIT inlined to their callers, so a hot "
            + "inlined method can be missing from the rankings while its caller looks hot";

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
        return Set.of(CpuCollector.EXECUTION_SAMPLE, CpuCollector.NATIVE_SAMPLE, CpuCollector.CPU_TIME_SAMPLE,
                CpuCollector.CPU_TIME_SAMPLES_LOST);
    }

    @Override
    public CpuCollector collector(PassContext pass) {
        return new CpuCollector(pass.frames(), pass.maxTreeNodes(), pass.ranks(), pass.chunk());
    }

    @Override
    public CpuAnalysis result(CpuCollector collector, ResultContext context) {
        CpuSource source = collector.source();
        Boolean debugNonSafepoints = null;
        // async-profiler turns the flag on itself and walks stacks its own way: only the JDK's samplers need it
        if (source != null && source != CpuSource.ASYNC_PROFILER) {
            debugNonSafepoints = debugNonSafepoints(context.jvmFlags(), context.recording().jvmArguments());
            if (!debugNonSafepoints) {
                context.warn(INLINING_WARNING);
            }
        }
        return collector.result(context.top(), debugNonSafepoints);
    }

    /**
     * Whether the JVM ran with DebugNonSafepoints: from its flags as recorded ({@code jdk.BooleanFlag} lists the
     * diagnostic flags only when they are unlocked, so a missing flag is an unset one), else its command line.
     */
    static boolean debugNonSafepoints(Map<String, Boolean> flags, String jvmArguments) {
        Boolean flag = flags.get(DEBUG_NON_SAFEPOINTS);
        if (flag != null) {
            return flag;
        }
        if (jvmArguments == null) {
            return false;
        }
        int on = jvmArguments.lastIndexOf("-XX:+" + DEBUG_NON_SAFEPOINTS);
        return on >= 0 && on > jvmArguments.lastIndexOf("-XX:-" + DEBUG_NON_SAFEPOINTS);
    }

    @Override
    public CallTree tree(CpuCollector collector) {
        return collector.tree();
    }

    @Override
    public List<String> missing(Map<String, Long> counts) {
        return counts.containsKey(CpuCollector.EXECUTION_SAMPLE) || counts.containsKey(CpuCollector.CPU_TIME_SAMPLE)
                ? List.of()
                : List.of("no jdk.ExecutionSample events: the recording's settings did not sample the CPU");
    }
}
