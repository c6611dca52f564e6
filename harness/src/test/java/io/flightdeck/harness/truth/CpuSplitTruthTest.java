package io.flightdeck.harness.truth;

import static io.flightdeck.harness.truth.Configurations.asyncProfiler;
import static io.flightdeck.harness.truth.Configurations.defaultJdk;
import static io.flightdeck.harness.truth.Configurations.jdk25;
import static io.flightdeck.harness.truth.Configurations.jfrCpuTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link CpuSplitProgram} profiled by each sampler on JDK 17 and 25: the shares of its three Java methods and of
 * {@code Deflater}'s native code, and the two threads' shares, within 3 points of what the program measured for the
 * CPU samplers (async-profiler, JDK 25's {@code jdk.CPUTimeSample}).
 *
 * <p>JFR's own samplers, the last fallback, cannot be held to points on a shared machine: its execution sampler takes
 * threads that are in Java on a wall-clock tick, so a thread waiting for a CPU still collects samples, while its
 * native sampler takes one thread in native code per period. Measured beside other builds: {@code Deflater} 8.2 %
 * for a true 16.4 %, the threads 35/65 for a true 49/51; on a quieter machine within 4 points. So with JFR the
 * tests ask only what no load can undo: every method and thread is seen, at a quarter to twice its true share.
 * That still fails a profile without native code, which read {@code Deflater} at 0 %.
 */
@Tag(Configurations.GROUND_TRUTH)
class CpuSplitTruthTest {

    static final double POINTS = 3;

    @Test
    void methodsWithJfrOnDefaultJdk() {
        methods(Sampler.JFR, defaultJdk());
    }

    @Test
    void threadsWithJfrOnDefaultJdk() {
        threads(Sampler.JFR, defaultJdk());
    }

    @Test
    void methodsWithAsyncProfilerOnDefaultJdk() {
        methods(asyncProfiler(), defaultJdk());
    }

    @Test
    void threadsWithAsyncProfilerOnDefaultJdk() {
        threads(asyncProfiler(), defaultJdk());
    }

    @Test
    void methodsWithJfrOnJdk25() {
        methods(Sampler.JFR, jdk25());
    }

    @Test
    void threadsWithJfrOnJdk25() {
        threads(Sampler.JFR, jdk25());
    }

    @Test
    void methodsWithJfrCpuTimeOnJdk25() {
        Jdk jdk = jdk25();
        methods(jfrCpuTime(jdk), jdk);
    }

    @Test
    void threadsWithJfrCpuTimeOnJdk25() {
        Jdk jdk = jdk25();
        threads(jfrCpuTime(jdk), jdk);
    }

    @Test
    void methodsWithAsyncProfilerOnJdk25() {
        methods(asyncProfiler(), jdk25());
    }

    @Test
    void threadsWithAsyncProfilerOnJdk25() {
        threads(asyncProfiler(), jdk25());
    }

    private static void methods(Sampler sampler, Jdk jdk) {
        ProfiledRun run = ProfiledRun.of(CpuSplitProgram.class, sampler, jdk);
        check(sampler, TruthCheck.cpuByMethod(run.configuration(), run.truth(), ProfileFigures.of(run.analysis())),
                run.analysis().cpu().samples());
    }

    private static void threads(Sampler sampler, Jdk jdk) {
        ProfiledRun run = ProfiledRun.of(CpuSplitProgram.class, sampler, jdk);
        check(sampler, TruthCheck.cpuByThread(run.configuration(), run.truth(), ProfileFigures.of(run.analysis())),
                run.analysis().cpu().samples());
    }

    /**
     * {@link #POINTS}, or 2.5 standard errors of a share near one half when the profile holds fewer samples than
     * the program is sized for (about 2,000): JDK 25's CPU-time sampler beside another build split only 417 samples
     * between the two threads (864 in the recording, 41 reported lost), and at 417 a share moves 2.4 points a
     * standard error by chance alone.
     */
    static double allowedPoints(long samples) {
        return Math.max(POINTS, 2.5 * 100 * Math.sqrt(0.25 / Math.max(1, samples))); // 3 points from 1,736 samples
    }

    private static void check(Sampler sampler, java.util.List<TruthCheck.Row> rows, long samples) {
        if (sampler != Sampler.JFR) {
            TruthCheck.recordAndAssertWithin(rows, allowedPoints(samples));
            return;
        }
        TruthCheck.record(rows);
        org.assertj.core.api.Assertions.assertThat(rows).isNotEmpty().allSatisfy(r ->
                org.assertj.core.api.Assertions.assertThat(r.profile()).as(r.configuration() + ": " + r.item())
                        .isBetween(r.truth() / 4, r.truth() * 2));
    }
}
