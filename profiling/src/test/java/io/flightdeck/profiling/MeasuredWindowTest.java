package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.flamegraphs.FoldedFormat;
import io.flightdeck.profiling.MeasuredWindow.Interval;

/**
 * The measured window: its intervals, and an analysis limited to it. The recording is made here, in this JVM: a
 * burn before any mark, one inside a warm-up mark and one inside a measured mark, each in a method of its own and
 * each until this thread has spent the same CPU time in it (CPU time, not wall time or a loop count: the sampler
 * then sees each burn whatever the machine's speed or load).
 */
class MeasuredWindowTest {

    /** The child's marker, as the harness declares it (the harness's class is not on this module's path). */
    @Name(MeasuredWindow.ITERATION_EVENT)
    @Enabled(true)
    @StackTrace(false)
    @Threshold("0 ns")
    static class Mark extends Event {
        String workload;
        @Name("case")
        String caseLabel;
        @Name(MeasuredWindow.PHASE_FIELD)
        String phase;
        long iteration;
    }

    @TempDir
    static Path dir;
    static Path marked;
    static long sink;

    @BeforeAll
    static void record() throws Exception {
        marked = dir.resolve("marked.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            // the burns read their thread's CPU clock, native code: without native samples a burn can go unseen
            r.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
            r.enable(MeasuredWindow.ITERATION_EVENT);
            r.start();
            burnBeforeAnyMark();
            Mark warm = mark(MeasuredWindow.WARM_UP);
            burnInWarmUp();
            warm.end();
            warm.commit();
            for (int i = 0; i < 2; i++) {
                Mark measured = mark(MeasuredWindow.MEASURED);
                measured.iteration = i;
                burnMeasured();
                measured.end();
                measured.commit();
            }
            r.stop();
            r.dump(marked);
        }
    }

    private static Mark mark(String phase) {
        Mark m = new Mark();
        m.workload = "w";
        m.caseLabel = "c";
        m.phase = phase;
        m.begin();
        return m;
    }

    // three copies of one spin, so that each burn is its own leaf frame. The CPU clock is read once per million
    // steps (about a millisecond): read every ten thousand, JDK 17's sampler on a VM whose thread-CPU clock costs
    // 1.7 us a call kept 16 of about 160 samples, none once the loop was compiled (CI failed on it)
    static void burnBeforeAnyMark() {
        long until = cpuNow() + BURN_NANOS;
        long x = 1;
        while (cpuNow() < until) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink += x;
    }

    static void burnInWarmUp() {
        long until = cpuNow() + BURN_NANOS;
        long x = 1;
        while (cpuNow() < until) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink += x;
    }

    static void burnMeasured() {
        long until = cpuNow() + BURN_NANOS;
        long x = 1;
        while (cpuNow() < until) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink += x;
    }

    /** Each burn spins until this thread has used this much CPU. */
    private static final long BURN_NANOS = 400_000_000L;

    private static long cpuNow() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The methods in the CPU stacks (the flame graph's frames), one a line. */
    private static List<String> hotMethods(Analysis a) throws IOException {
        StringWriter folded = new StringWriter();
        FoldedFormat.write(a.stacks().cpu(), folded);
        return folded.toString().lines().flatMap(l -> Arrays.stream(l.split(";"))).distinct().toList();
    }

    @Test
    void onlyTheMeasuredMarksMakeTheWindow() {
        MeasuredWindow window = MeasuredWindow.read(marked).orElseThrow();
        assertThat(window.intervals()).hasSize(2);
        assertThat(window.seconds()).isPositive();
        assertThat(window.describe(10)).startsWith("measured iterations: 2 intervals, ").endsWith(" of 10.0 s");
    }

    @Test
    void everyChunksMarksAreReadAndACutFileGivesNone() throws Exception {
        // a recording cut inside its only chunk holds no whole chunk: nothing, and no failure
        Path cut = dir.resolve("cut.jfr");
        byte[] bytes = java.nio.file.Files.readAllBytes(marked);
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(MeasuredWindow.read(cut)).isEmpty();
        // two chunks (a recording's file concatenated to itself): both chunks' marks, merged where they coincide
        Path twice = dir.resolve("twice.jfr");
        byte[] both = java.util.Arrays.copyOf(bytes, bytes.length * 2);
        System.arraycopy(bytes, 0, both, bytes.length, bytes.length);
        java.nio.file.Files.write(twice, both);
        assertThat(MeasuredWindow.read(twice).orElseThrow().intervals())
                .isEqualTo(MeasuredWindow.read(marked).orElseThrow().intervals());
    }

    @Test
    void theAnalysisOfTheWindowLeavesOutWhatRanOutsideIt() throws Exception {
        MeasuredWindow window = MeasuredWindow.read(marked).orElseThrow();
        Analysis measured = RecordingAnalyzer.analyze(marked, AnalysisOptions.defaults().withMeasured(window)
                .withRulesMaxBytes(0));
        Analysis whole = RecordingAnalyzer.analyze(marked, AnalysisOptions.defaults().withRulesMaxBytes(0));

        // not the warm-up burn, whose few samples may land in record() while the JIT compiles it (seen once on
        // JDK 25; the test JVM now runs with DebugNonSafepoints); the burn before any mark shows that the window
        // leaves work out
        assertThat(hotMethods(whole)).anyMatch(n -> n.contains("burnBeforeAnyMark"))
                .anyMatch(n -> n.contains("burnMeasured"));
        assertThat(hotMethods(measured)).anyMatch(n -> n.contains("burnMeasured"))
                .noneMatch(n -> n.contains("burnBeforeAnyMark")).noneMatch(n -> n.contains("burnInWarmUp"));
        assertThat(measured.cpu().samples()).isLessThan(whole.cpu().samples());
        assertThat(measured.recording().measuredWindow()).isEqualTo(window);
        assertThat(measured.recording().windowDescription()).startsWith("measured iterations: 2 intervals");
        assertThat(whole.recording().measuredWindow()).isNull();
        assertThat(whole.recording().windowDescription()).startsWith("whole JVM: ");
    }

    @Test
    void aRecordingWithoutMarksHasNoWindow() throws Exception {
        Path plain = dir.resolve("plain.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.start();
            burnBeforeAnyMark();
            r.stop();
            r.dump(plain);
        }
        assertThat(MeasuredWindow.read(plain)).isEmpty();
        assertThat(MeasuredWindow.read(dir.resolve("missing.jfr"))).isEmpty();
    }

    @Test
    void anEventIsInTheWindowWhenItStartsInsideAnInterval() {
        Instant t = Instant.parse("2026-12-05T08:00:00Z");
        MeasuredWindow w = new MeasuredWindow(List.of(new Interval(t.plusSeconds(10), t.plusSeconds(12)),
                new Interval(t, t.plusSeconds(2))));
        assertThat(w.intervals().get(0).start()).isEqualTo(t); // sorted
        assertThat(w.contains(t.minusNanos(1))).isFalse();
        assertThat(w.contains(t)).isTrue();
        assertThat(w.contains(t.plusSeconds(2))).isTrue();
        assertThat(w.contains(t.plusSeconds(2).plusNanos(1))).isFalse();
        assertThat(w.contains(t.plusSeconds(5))).isFalse();
        assertThat(w.contains(t.plusSeconds(11))).isTrue();
        assertThat(w.contains(t.plusSeconds(13))).isFalse();
        assertThat(w.seconds()).isEqualTo(4.0);
        assertThat(w.secondsBetween(t.plusSeconds(1), t.plusSeconds(11))).isEqualTo(2.0);
        assertThat(new MeasuredWindow(List.of(new Interval(t, t.plusSeconds(3)),
                new Interval(t.plusSeconds(2), t.plusSeconds(4)))).intervals())
                .containsExactly(new Interval(t, t.plusSeconds(4))); // overlapping ones joined
        assertThatThrownBy(() -> new MeasuredWindow(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
