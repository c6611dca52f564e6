package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FlatTree;
import io.flightdeck.flamegraphs.FrameCategory;
import io.flightdeck.profiling.ProgramRecordings.Recorded;
import io.flightdeck.profiling.cpu.CpuAnalysis;
import io.flightdeck.profiling.cpu.CpuPlugin;
import io.flightdeck.profiling.programs.JavaAndNative;

/**
 * The CPU analysis takes the best sampler the recording holds and says which: async-profiler's samples, JDK 25's
 * CPU-time samples, else JFR's execution and native-method samples together. Recordings of {@link JavaAndNative}, a
 * Java thread and a thread in zlib, with the threads' CPU times it prints.
 */
class CpuSourcesTest {

    static final String DEFLATE = "java.util.zip.Deflater.deflateBytesBytes(long, byte[], int, int, byte[], int, int, "
            + "int, int)";
    static final String SECONDS = "4";
    /** Shares of two threads from a few hundred samples: wide enough for chance, far below the 30 points that
     * leaving native samples out cost. */
    static final double THREAD_POINTS = 10;

    @TempDir
    static Path dir;
    static Recorded jfr;
    static Optional<Recorded> profiler = Optional.empty();

    @BeforeAll
    static void record() throws Exception {
        jfr = ProgramRecordings.run(dir, "jfr", JavaAndNative.class, List.of(ProgramRecordings.jfr("")), SECONDS);
        Optional<Path> agent = AsyncProfilerAgent.extract(dir);
        if (agent.isPresent()) {
            profiler = Optional.of(ProgramRecordings.run(dir, "async-profiler", JavaAndNative.class,
                    List.of(ProgramRecordings.asyncProfiler(agent.get())), SECONDS));
        }
    }

    @Test
    void jfrAloneCountsNativeMethodSamplesBesideExecutionSamples() throws Exception {
        Analysis a = RecordingAnalyzer.analyze(jfr.file(), AnalysisOptions.defaults().withRulesMaxBytes(0));
        CpuAnalysis cpu = a.cpu();
        long execution = a.recording().eventCounts().get("jdk.ExecutionSample");
        long nativeSamples = a.recording().eventCounts().get("jdk.NativeMethodSample");

        Map<String, Long> byThread = samplesByThread(jfr.file());
        long waiting = byThread.getOrDefault("stdin-reader", 0L);

        assertThat(cpu.source()).isEqualTo("jdk.ExecutionSample+jdk.NativeMethodSample");
        assertThat(waiting).as("native samples of the thread waiting on stdin").isPositive();
        // its samples read as file I/O, but it never ran: it waited for input, and is no working thread
        io.flightdeck.profiling.threads.ThreadStates.ThreadTime reader = a.threads().thread("stdin-reader");
        assertThat(reader).isNotNull();
        // (about half: JFR samples one thread in native code per period, so the rest is "other")
        assertThat(reader.percent(io.flightdeck.profiling.threads.ThreadStates.FILE_IO)).isGreaterThan(
                io.flightdeck.profiling.threads.ThreadStates.WORKING_PERCENT);
        assertThat(reader.worked()).as(reader.toString()).isFalse();
        // the stdin reader's, and those of any other thread caught waiting for input (e.g. reading a class file)
        assertThat(cpu.waitingNativeSamples()).isGreaterThanOrEqualTo(waiting);
        waiting = cpu.waitingNativeSamples();
        assertThat(cpu.samples()).isEqualTo(execution + nativeSamples - waiting);
        assertThat(a.stacks().cpu().totalWeight()).isEqualTo(cpu.samples());
        assertThat(cpu.samplesBySource()).containsEntry("jdk.ExecutionSample", execution)
                .containsEntry("jdk.NativeMethodSample", nativeSamples);
        // in native: the native samples of threads not waiting, and any execution sample JFR took with a native
        // method on top (a thread caught on its way into or out of native code; seen once on JDK 25 beside a build)
        long inNative = nativeSamples - waiting + executionSamplesWithNativeTop(jfr.file());
        assertThat(cpu.samplesInNative()).isEqualTo(inNative).isPositive();
        assertThat(cpu.nativePercent()).isCloseTo(100.0 * inNative / cpu.samples(), within(1e-9));
        assertThat(cpu.byThread()).extracting(Ranked::name).doesNotContain("stdin-reader");
        assertThat(cpu.hotBySelf()).extracting(Ranked::name).contains(DEFLATE);
        assertThat(cpu.lostSamples()).isNull();
        // per thread, each thread's execution and native samples, counted here by the JDK's own reader. Not
        // against the CPU time the program printed: JFR's samplers see threads in Java and in native code whether
        // or not they are on a CPU, and drop samples they cannot walk, so on a busy machine their split is not the
        // CPU's (async-profiler's and JDK 25's CPU-time samples are compared with it below)
        for (String thread : List.of("java-worker", "native-worker")) {
            assertThat(weightOf(cpu.byThread(), thread)).as(thread).isEqualTo(byThread.get(thread));
        }
    }

    /** The samples JDK 25's CPU-time sampler says it lost, as the JDK's reader gives them; null without such events. */
    private static Long lostSamples(Path file) throws Exception {
        Long lost = null;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals("jdk.CPUTimeSamplesLost")) {
                lost = (lost == null ? 0 : lost) + e.getLong("lostSamples");
            }
        }
        return lost;
    }

    /** Execution and native-method samples by thread name, as the JDK's reader gives them. */
    private static long executionSamplesWithNativeTop(Path file) throws Exception {
        long n = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null
                    && !e.getStackTrace().getFrames().isEmpty()
                    && Frames.isNative(e.getStackTrace().getFrames().get(0))) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, Long> samplesByThread(Path file) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")) {
                counts.merge(Threads.name(e.getThread("sampledThread")), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Test
    void aRecordingWithoutDebugNonSafepointsIsWarnedAbout() throws Exception {
        Analysis a = RecordingAnalyzer.analyze(jfr.file(), AnalysisOptions.defaults().withRulesMaxBytes(0));

        assertThat(a.cpu().debugNonSafepoints()).isFalse();
        assertThat(a.warnings()).contains(CpuPlugin.INLINING_WARNING);
    }

    @Test
    void aRecordingWithDebugNonSafepointsIsNot() throws Exception {
        Recorded with = ProgramRecordings.run(dir, "dns", JavaAndNative.class, List.of(
                "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints", ProgramRecordings.jfr("")), "1");

        Analysis a = RecordingAnalyzer.analyze(with.file(), AnalysisOptions.defaults().withRulesMaxBytes(0));

        assertThat(a.cpu().debugNonSafepoints()).isTrue();
        assertThat(a.warnings()).doesNotContain(CpuPlugin.INLINING_WARNING);
    }

    @Test
    void asyncProfilersSamplesAreUsedWithTheirNativeFrames() throws Exception {
        assumeTrue(profiler.isPresent(), "async-profiler has no library for this OS and architecture");
        Analysis a = RecordingAnalyzer.analyze(profiler.get().file(), AnalysisOptions.defaults().withRulesMaxBytes(0));
        CpuAnalysis cpu = a.cpu();

        assertThat(cpu.source()).isEqualTo("async-profiler");
        assertThat(cpu.samples()).isEqualTo(a.recording().eventCounts().get("jdk.ExecutionSample"));
        assertThat(a.stacks().cpu().totalWeight()).isEqualTo(cpu.samples());
        assertThat(cpu.debugNonSafepoints()).isNull();
        assertThat(a.warnings()).doesNotContain(CpuPlugin.INLINING_WARNING);
        assertThat(cpu.samplesInNative()).isPositive();
        assertThat(cpu.waitingNativeSamples()).isNull();
        assertThat(cpu.byThread()).extracting(Ranked::name).doesNotContain("stdin-reader"); // never on a CPU
        // native frames by their symbol or library, as async-profiler's converter names them, never as a Java
        // method of a class named like a library ("libz.so.1.deflate()")
        List<String> names = names(a.stacks().cpu());
        assertThat(names).noneMatch(n -> n.matches(".*\\.so[.0-9]*\\..*\\(\\)"));
        assertThat(names).filteredOn(n -> n.endsWith(")")).isNotEmpty(); // Java frames keep their form
        FlatTree flat = FlatTree.of(a.stacks().cpu());
        List<FrameCategory> nativeNames = new ArrayList<>();
        for (int i = 0; i < flat.names().size(); i++) {
            String n = flat.names().get(i);
            if (n.endsWith(Frames.KERNEL_SUFFIX)) {
                assertThat(flat.category(i)).as(n).isEqualTo(FrameCategory.KERNEL);
            } else if (!n.contains("(")) {
                nativeNames.add(flat.category(i));
            }
        }
        assertThat(nativeNames).contains(FrameCategory.NATIVE);
        threadsAgreeWithTruth(cpu, profiler.get());
    }

    @Test
    void aJfrRecordingFollowedByAsyncProfilersCountsOnlyAsyncProfilersSamples() throws Exception {
        assumeTrue(profiler.isPresent(), "async-profiler has no library for this OS and architecture");
        Path both = ProgramRecordings.concatenate(dir.resolve("both.jfr"), jfr.file(), profiler.get().file());
        Analysis alone = RecordingAnalyzer.analyze(profiler.get().file(), AnalysisOptions.defaults().withRulesMaxBytes(0));
        Analysis jfrAlone = RecordingAnalyzer.analyze(jfr.file(), AnalysisOptions.defaults().withRulesMaxBytes(0));

        Analysis a = RecordingAnalyzer.analyze(both, AnalysisOptions.defaults().withRulesMaxBytes(0));

        assertThat(a.cpu().source()).isEqualTo("async-profiler");
        assertThat(a.cpu().samples()).isEqualTo(alone.cpu().samples());
        assertThat(a.stacks().cpu().totalWeight()).isEqualTo(alone.cpu().samples());
        assertThat(a.cpu().hotBySelf()).isEqualTo(alone.cpu().hotBySelf());
        assertThat(a.cpu().samplesBySource()).containsEntry("async-profiler", alone.cpu().samples())
                .containsEntry("jdk.ExecutionSample", jfrAlone.cpu().samplesBySource().get("jdk.ExecutionSample"));
        assertThat(a.warnings()).doesNotContain(CpuPlugin.INLINING_WARNING);
        // each chunk's ids named by its own metadata: the two producers give some ids different types
        Map<String, Long> summed = new java.util.TreeMap<>(jfrAlone.recording().eventCounts());
        alone.recording().eventCounts().forEach((type, n) -> summed.merge(type, n, Long::sum));
        assertThat(a.recording().eventCounts()).isEqualTo(summed)
                .containsEntry("jdk.ExecutionSample", alone.cpu().samplesBySource().get("async-profiler")
                        + jfrAlone.cpu().samplesBySource().get("jdk.ExecutionSample"))
                .allSatisfy((type, n) -> assertThat(type).doesNotStartWith("type "));
        // each chunk read by its own clock: JDK 25's reader gives the second producer's events the first chunk's
        // clock, hours away (the machine's uptime), and a window would then lose every async-profiler sample
        java.time.Instant latest = alone.recording().end().isAfter(jfrAlone.recording().end())
                ? alone.recording().end() : jfrAlone.recording().end();
        assertThat(a.recording().end()).isBeforeOrEqualTo(latest.plusSeconds(1));
        Analysis windowed = RecordingAnalyzer.analyze(both, AnalysisOptions.defaults().withRulesMaxBytes(0)
                .withWindow(alone.recording().start(), alone.recording().end().plusSeconds(1)));
        assertThat(windowed.cpu().samples()).isEqualTo(alone.cpu().samples());
    }

    /**
     * A JDK chunk whose ticks happen to cover async-profiler's (a JVM started within its chunk's slack of the
     * machine's boot: the JVM's counter starts near zero, async-profiler's at boot) must not lend its clock to
     * async-profiler's events. Planted by rewriting the JDK chunks' headers: their span now covers async-profiler's
     * ticks, an hour later by the wall clock.
     */
    @Test
    void aJdkChunkCoveringAsyncProfilersTicksDoesNotLendItsClock() throws Exception {
        assumeTrue(profiler.isPresent(), "async-profiler has no library for this OS and architecture");
        Path both = ProgramRecordings.concatenate(dir.resolve("overlapping.jfr"), jfr.file(), profiler.get().file());
        long jdkBytes = Files.size(jfr.file());
        try (FileChannel file = FileChannel.open(both, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer agent = ByteBuffer.allocate(64);
            file.read(agent, jdkBytes);
            long agentStartNanos = agent.getLong(32);
            long agentDuration = agent.getLong(40);
            long agentStartTicks = agent.getLong(48);
            long agentTicksPerSecond = agent.getLong(56);
            long offset = 0;
            while (offset < jdkBytes) {
                ByteBuffer header = ByteBuffer.allocate(64);
                file.read(header, offset);
                header.putLong(32, agentStartNanos + 3_600_000_000_000L);
                header.putLong(40, agentDuration + 2_000_000_000L);
                header.putLong(48, agentStartTicks - agentTicksPerSecond);
                header.putLong(56, agentTicksPerSecond);
                file.write(header.flip(), offset);
                offset += header.getLong(8);
            }
        }
        Analysis alone = RecordingAnalyzer.analyze(profiler.get().file(), AnalysisOptions.defaults().withRulesMaxBytes(0));

        Analysis windowed = RecordingAnalyzer.analyze(both, AnalysisOptions.defaults().withRulesMaxBytes(0)
                .withWindow(alone.recording().start(), alone.recording().end().plusSeconds(1)));

        assertThat(windowed.cpu().source()).isEqualTo("async-profiler");
        assertThat(windowed.cpu().samples()).isEqualTo(alone.cpu().samples()).isPositive();
    }

    @Test
    void jdk25sCpuTimeSamplesArePreferredAndTheirLossesReported() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "jdk.CPUTimeSample needs JDK 25");
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "jdk.CPUTimeSample is Linux only");
        Recorded r = ProgramRecordings.run(dir, "cputime", JavaAndNative.class,
                List.of(ProgramRecordings.jfr(",jdk.CPUTimeSample#enabled=true")), SECONDS);

        Analysis a = RecordingAnalyzer.analyze(r.file(), AnalysisOptions.defaults().withRulesMaxBytes(0));

        long cpuTime = a.recording().eventCounts().get("jdk.CPUTimeSample");
        assertThat(a.cpu().source()).isEqualTo("jdk.CPUTimeSample");
        assertThat(a.cpu().samples()).isEqualTo(cpuTime);
        assertThat(a.stacks().cpu().totalWeight()).isEqualTo(cpuTime);
        assertThat(a.cpu().samplesBySource()).containsKeys("jdk.CPUTimeSample", "jdk.ExecutionSample");
        assertThat(a.cpu().lostSamples()).isEqualTo(lostSamples(r.file()));
        assertThat(a.cpu().hotBySelf()).extracting(Ranked::name).contains(DEFLATE);
        threadsAgreeWithTruth(a.cpu(), r);
    }

    /** The two workers' shares of their CPU samples against their shares of the CPU time the JVM measured. */
    private static void threadsAgreeWithTruth(CpuAnalysis cpu, Recorded run) {
        double javaNanos = run.printed("java-worker");
        double nativeNanos = run.printed("native-worker");
        long javaSamples = weightOf(cpu.byThread(), "java-worker");
        long nativeSamples = weightOf(cpu.byThread(), "native-worker");
        assertThat(nativeSamples).isPositive();
        double measured = 100.0 * nativeNanos / (javaNanos + nativeNanos);
        double sampled = 100.0 * nativeSamples / (javaSamples + nativeSamples);
        assertThat(sampled).as("native-worker's share of the two workers' CPU").isCloseTo(measured,
                within(THREAD_POINTS));
    }

    private static long weightOf(List<Ranked> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).mapToLong(Ranked::weight).sum();
    }

    private static List<String> names(CallTree tree) {
        List<String> names = new ArrayList<>();
        for (var stack : tree.stacks()) {
            names.addAll(stack.frames());
        }
        return names;
    }
}
