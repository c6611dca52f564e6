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
        String unseen = unseenCpuWarning(source, collector.sampledCpuNanos(context.recording().settings()),
                context.processCpuNanos());
        if (unseen != null) {
            context.warn(unseen);
        }
        return collector.result(context.top(), debugNonSafepoints);
    }

    /** Below this much CPU time that no sample accounts for, the comparison says nothing worth a warning. */
    static final long UNSEEN_FLOOR_NANOS = 1_000_000_000L;

    /**
     * When the samples of a CPU-time sampler stand for less than half the JVM's CPU time ({@code jdk.CPULoad}) and at
     * least a second is missing, why: a per-thread CPU timer (async-profiler's cpu, JDK 25's CPU-time sampler)
     * starts afresh with each thread, so a thread that ends before its CPU time reaches the interval is never
     * sampled. Measured: 460 threads of about 6 ms of CPU each, 2.6 s in all, left JDK 25's sampler 1 sample and
     * async-profiler 132 at 10 ms; JFR's execution sampler, which samples by wall-clock time, read 2.1 s. JDK 25's
     * sampler also leaves out the JVM's own threads (JIT, GC). Null when the samples account for the CPU time, or
     * the recording cannot say.
     */
    static String unseenCpuWarning(CpuSource source, long sampledNanos, long processNanos) {
        if (sampledNanos < 0 || processNanos <= 0 || processNanos - sampledNanos < UNSEEN_FLOOR_NANOS
                || sampledNanos * 2 >= processNanos) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "the CPU samples stand for %.1f s of the JVM's %.1f s of CPU time "
                        + "(jdk.CPULoad): the rest ran in threads the sampler did not see%s, or in threads that ended "
                        + "before their CPU time reached one sampling interval, which a per-thread CPU timer never "
                        + "samples; a program of many short-lived threads reads truer with --sampler jfr or a shorter "
                        + "--cpu-interval", sampledNanos / 1e9, processNanos / 1e9,
                source == CpuSource.CPU_TIME_SAMPLE ? " (the JVM's own: JIT compilers, GC)" : "");
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
