package io.flightdeck.harness.truth;

import static io.flightdeck.harness.truth.Configurations.asyncProfiler;
import static io.flightdeck.harness.truth.Configurations.defaultJdk;
import static io.flightdeck.harness.truth.Configurations.jdk25;
import static io.flightdeck.harness.truth.Configurations.jfrCpuTime;

import org.junit.jupiter.api.Test;

/**
 * {@link CpuSplitProgram} profiled by each sampler on JDK 17 and 25: the shares of its three Java methods and of
 * {@code Deflater}'s native code, and the two threads' shares, within 3 points of what the program measured.
 */
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
        TruthCheck.recordAndAssertWithin(TruthCheck.cpuByMethod(run.configuration(), run.truth(),
                ProfileFigures.of(run.analysis())), POINTS);
    }

    private static void threads(Sampler sampler, Jdk jdk) {
        ProfiledRun run = ProfiledRun.of(CpuSplitProgram.class, sampler, jdk);
        TruthCheck.recordAndAssertWithin(TruthCheck.cpuByThread(run.configuration(), run.truth(),
                ProfileFigures.of(run.analysis())), POINTS);
    }
}
