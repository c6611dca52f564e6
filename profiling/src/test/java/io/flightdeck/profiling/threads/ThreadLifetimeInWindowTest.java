package io.flightdeck.profiling.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.MeasuredWindow;
import io.flightdeck.profiling.RecordingAnalyzer;

/**
 * A workload of three cases, each with a worker thread of its own that starts before its case's measured iteration
 * and ends after it, as the child's are. Each worker's life in the measured window is its own iteration, not all
 * three: its start and end are read though they lie outside the window (before, each worker was charged the other
 * cases' time as "other", and a CPU-bound workload read 70 % other).
 */
class ThreadLifetimeInWindowTest {

    @Name(MeasuredWindow.ITERATION_EVENT)
    @Enabled(true)
    @StackTrace(false)
    @Threshold("0 ns")
    static class Mark extends Event {
        @Name(MeasuredWindow.PHASE_FIELD)
        String phase;
    }

    static final int CASES = 3;
    static final long BURN_NANOS = 250_000_000L;
    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    static volatile long sink;

    @TempDir
    Path dir;

    @Test
    void eachCasesWorkerLivesInItsOwnIterationOnly() throws Exception {
        Path jfr = dir.resolve("cases.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.ActiveSetting"); // the samples' period, which the analysis reads
            r.enable("jdk.ThreadStart");
            r.enable("jdk.ThreadEnd");
            r.enable(MeasuredWindow.ITERATION_EVENT);
            r.start();
            for (int c = 0; c < CASES; c++) {
                runCase(c);
            }
            r.stop();
            r.dump(jfr);
        }
        MeasuredWindow window = MeasuredWindow.read(jfr).orElseThrow();
        assertThat(window.intervals()).hasSize(CASES);
        Analysis a = RecordingAnalyzer.analyze(jfr, AnalysisOptions.defaults().withMeasured(window)
                .withRulesMaxBytes(0));
        List<ThreadStates.ThreadTime> workers = a.threads().byThread().stream()
                .filter(t -> t.thread().startsWith("case-worker-")).toList();
        assertThat(workers).hasSize(CASES);
        for (int c = 0; c < CASES; c++) {
            String name = "case-worker-" + c;
            ThreadStates.ThreadTime w = workers.stream().filter(t -> t.thread().equals(name)).findFirst()
                    .orElseThrow();
            MeasuredWindow.Interval own = window.intervals().get(c);
            long ownNanos = Duration.between(own.start(), own.end()).toNanos();
            // its own iteration, not the whole window (the three together): a thread's time is its life, or the sum
            // of its samples' periods when that is more (samples are estimates), so a sample or two over at most
            assertThat(w.lifetimeNanos()).as(w + " in " + own).isBetween((long) (ownNanos * 0.9),
                    ownNanos + 30_000_000L);
            assertThat(w.worked()).isTrue();
        }
    }

    /** A worker started before the measured mark, burning inside it, ending after it. */
    private static void runCase(int c) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                go.await();
                long until = CPU.getCurrentThreadCpuTime() + BURN_NANOS;
                long x = 1;
                while (CPU.getCurrentThreadCpuTime() < until) {
                    for (int i = 0; i < 1_000_000; i++) {
                        x = x * 6364136223846793005L + 1442695040888963407L;
                    }
                }
                sink += x;
                burnt.countDown();
                leave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "case-worker-" + c);
        worker.start();
        Thread.sleep(100); // set-up and warm-up, outside the window
        Mark m = new Mark();
        m.phase = MeasuredWindow.MEASURED;
        m.begin();
        go.countDown();
        burnt.await();
        m.end();
        m.commit();
        Thread.sleep(100); // bookkeeping after the iteration
        leave.countDown();
        worker.join();
    }
}
