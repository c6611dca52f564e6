package io.flightdeck.harness.sampler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.child.sampling.AllocationPacer;

/** The JVM flags each sampler needs in a child (or a profiled program), by JDK version. */
public final class SamplerFlags {

    /**
     * Without these the JIT's debug information exists only at safepoints, and a method inlined into its caller is
     * blamed on the caller (a slow method read 10 % instead of 50 %). async-profiler turns them on itself.
     */
    public static final List<String> DEBUG_NON_SAFEPOINTS = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:+DebugNonSafepoints");

    /**
     * Frames JFR keeps per stack trace. Why 256: JFR keeps 64 by default, and a call through JDBC or Jackson is
     * deeper; a cut stack loses its root, and its flame graph scatters into many false roots.
     */
    public static final int STACK_DEPTH = 256;

    /**
     * JVMs whose speed is measured (a run's children, JMH's forks) keep JFR's old-object samples without their
     * stacks, as JFR's default settings do. Why: with a stack the sampler walks the allocating thread's stack at
     * every TLAB refill it samples, which cost the in-memory lifecycle about 2.5 points of its throughput
     * (docs/PERFORMANCE.md, "What recording costs"); a leak check and {@code profile} keep them, where they name an
     * old object's allocation site. Only over the profile settings: a settings file of the user's says what it says.
     */
    public static final String OLD_OBJECTS_WITHOUT_STACKS = ",jdk.OldObjectSample#stackTrace=false";

    /**
     * async-profiler's options at these intervals: CPU by CPU time (20 ms in a measured child, 10 ms in a profiled
     * program; {@link SamplingIntervals}), with
     * native and, where the kernel allows perf events, kernel frames; allocations sampled by bytes (JVMTI; 512 KiB by
     * default, the agent's own); warnings only (it would print "Profiling started" on the program's stdout).
     */
    static String agentOptions(SamplingIntervals intervals) {
        String alloc = intervals.allocBytes() == SamplingIntervals.DEFAULT_ALLOC_BYTES ? "alloc"
                : "alloc=" + intervals.allocBytes();
        return "start," + cpuOptions(intervals) + "," + alloc + ",loglevel=warn";
    }

    /** CPU sampling, and wall-clock sampling beside it when asked for (also what a paced agent resumes with). */
    private static String cpuOptions(SamplingIntervals intervals) {
        return "event=cpu,interval=" + intervals.cpu() + (intervals.wallNanos() == 0 ? "" : ",wall=" + intervals.wall());
    }

    /**
     * The system properties that ask a run's child to pace async-profiler's allocation sampler (the child's
     * {@code AllocationPacer}: the floor, the samples a second, and the options it resumes the agent with); none for
     * another sampler or a fixed {@code --alloc-interval}. Only a run's child paces: it knows where its warm-up ends.
     */
    public static List<String> allocationPacing(SamplerDecision sampler, Path agentRecording) {
        if (!sampler.pacesAllocation()) {
            return List.of();
        }
        SamplingIntervals every = sampler.intervals();
        return List.of("-D" + AllocationPacer.PACING_PROPERTY + "=" + every.allocBytes() + "/"
                        + SamplingIntervals.PACED_SAMPLES_PER_SECOND,
                "-D" + AllocationPacer.AGENT_PROPERTY + "=" + cpuOptions(every) + ",loglevel=warn,file="
                        + agentRecording.toAbsolutePath());
    }

    private SamplerFlags() {
    }

    /**
     * What the sampler adds to {@code -XX:StartFlightRecording} (event settings, JDK 17+ syntax, JDK-8265271):
     * with async-profiler, JFR's own execution, native and allocation samples are off, so that nothing is counted
     * twice and the child pays for one sampler only (the analysis reads async-profiler's samples whenever there
     * are any). JFR's old-object samples stay: the leak analysis reads them. With JFR's own samplers, their periods
     * are set whatever the settings, so that {@code --cpu-interval} (and the report's claim) holds with
     * {@code default} and with a file of the user's.
     */
    public static String recordingSettings(SamplerDecision sampler) {
        SamplingIntervals every = sampler.intervals();
        return switch (sampler.used()) {
            case ASYNC_PROFILER -> ",jdk.ExecutionSample#enabled=false,jdk.NativeMethodSample#enabled=false"
                    + ",jdk.ObjectAllocationSample#enabled=false";
            case JFR_CPU_TIME -> ",jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=" + every.cpu();
            // always stated: JFR's default settings (and a file of the user's) have periods of their own, and
            // the report claims this one
            default -> ",jdk.ExecutionSample#period=" + every.cpu() + ",jdk.NativeMethodSample#period="
                    + every.nativePeriod();
        };
    }

    /** The agent flag of async-profiler writing into {@code agentRecording}; none for the other samplers. */
    public static List<String> agent(SamplerDecision sampler, Path agentRecording) {
        if (sampler.used() != Sampler.ASYNC_PROFILER) {
            return List.of();
        }
        return List.of(agentFlag(sampler.agentLibrary(), sampler.intervals(), agentRecording.toAbsolutePath().toString()));
    }

    /** The agent at the default intervals: how the sampler chooser tries it. */
    static String agentFlag(Path library, Path agentRecording) {
        return agentFlag(library, SamplingIntervals.DEFAULTS, agentRecording.toAbsolutePath().toString());
    }

    private static String agentFlag(Path library, SamplingIntervals intervals, String agentRecording) {
        return "-agentpath:" + library.toAbsolutePath() + "=" + agentOptions(intervals) + ",file=" + agentRecording;
    }

    /** Where async-profiler writes beside a JDK recording: recording.jfr -> recording.async-profiler.jfr. */
    public static Path agentRecording(Path recording) {
        String name = recording.getFileName().toString();
        String base = name.endsWith(".jfr") ? name.substring(0, name.length() - 4) : name;
        return recording.resolveSibling(base + ".async-profiler.jfr");
    }

    /**
     * The flags that make any java command line record as a run's children do, to be put right after the java
     * executable: JFR into {@code recording} ({@code settings}: profile, default or a .jfc file), paths to GC roots
     * when asked, the stack depth, DebugNonSafepoints and the sampler.
     */
    public static List<String> recordingFlags(Path recording, String settings, boolean gcRoots,
                                              SamplerDecision sampler) {
        return recordingFlags(recording.toAbsolutePath().toString(),
                agentRecording(recording).toAbsolutePath().toString(), settings, gcRoots, false, sampler);
    }

    /**
     * {@link #recordingFlags(Path, String, boolean, SamplerDecision)} with the files named as given: a template in
     * which a placeholder stands for a folder not yet made (JMH's forks).
     *
     * @param agentRecording where async-profiler writes, beside {@code recording} ({@link #agentRecording})
     * @param speedMeasured   the JVM's speed is measured (JMH's forks): old objects without stacks over the profile
     *                        settings ({@link #OLD_OBJECTS_WITHOUT_STACKS})
     */
    public static List<String> recordingFlags(String recording, String agentRecording, String settings,
                                              boolean gcRoots, boolean speedMeasured, SamplerDecision sampler) {
        List<String> flags = new ArrayList<>();
        flags.add("-XX:StartFlightRecording=settings=" + settings + ",filename=" + recording
                + ",dumponexit=true,name=flightdeck" + (gcRoots ? ",path-to-gc-roots=true"
                        : speedMeasured && "profile".equals(settings) ? OLD_OBJECTS_WITHOUT_STACKS : "")
                + recordingSettings(sampler));
        flags.add("-XX:FlightRecorderOptions:stackdepth=" + STACK_DEPTH);
        flags.addAll(DEBUG_NON_SAFEPOINTS);
        if (sampler.used() == Sampler.ASYNC_PROFILER) {
            flags.add(agentFlag(sampler.agentLibrary(), sampler.intervals(), agentRecording));
        }
        return flags;
    }

    /**
     * Every flag a run's recorded child gets for its sampler, except the recording's own settings:
     * DebugNonSafepoints, the agent and its allocation pacing.
     */
    public static List<String> jvmFlags(SamplerDecision sampler, Path recording) {
        List<String> flags = new ArrayList<>(DEBUG_NON_SAFEPOINTS);
        flags.addAll(agent(sampler, agentRecording(recording)));
        flags.addAll(allocationPacing(sampler, agentRecording(recording)));
        return flags;
    }
}
