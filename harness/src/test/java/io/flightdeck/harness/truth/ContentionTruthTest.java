package io.flightdeck.harness.truth;

import static io.flightdeck.harness.truth.Configurations.asyncProfiler;
import static io.flightdeck.harness.truth.Configurations.defaultJdk;
import static io.flightdeck.harness.truth.Configurations.jdk25;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link ContentionProgram}: the four contenders are the lock contention, the idle scheduled executor and the
 * parked sleeper are not (they wait, with nothing to acquire); per-thread CPU within 3 points of truth. The blocked
 * shares per contender are recorded in the table, not asserted: JFR and async-profiler keep only waits of 10 ms or
 * more, the JVM's count keeps all (async-profiler read within 0.1 point all the same).
 */
@Tag(Configurations.GROUND_TRUTH)
class ContentionTruthTest {

    static final double POINTS = 3;
    /**
     * JFR's {@code ExecutionSample} picks threads that are in Java code at each tick of the wall clock, whether or not
     * they hold a CPU at that moment: on a loaded machine a thread the OS has descheduled still collects samples. With
     * four threads taking turns this read up to 3.2 points off in three runs here (2 ms period, about 800 samples);
     * the samplers that count CPU time (async-profiler, JDK 25's CPU-time sampler) read within 0.2.
     */
    static final double POINTS_WALL_CLOCK_SAMPLER = 5;

    @Test
    void idleThreadsAreNotContentionWithJfrOnDefaultJdk() {
        onlyContendersBlocked(Sampler.JFR, defaultJdk());
    }

    @Test
    void idleThreadsAreNotContentionWithAsyncProfilerOnDefaultJdk() {
        onlyContendersBlocked(asyncProfiler(), defaultJdk());
    }

    @Test
    void idleThreadsAreNotContentionWithJfrOnJdk25() {
        onlyContendersBlocked(Sampler.JFR, jdk25());
    }

    @Test
    void idleThreadsAreNotContentionWithAsyncProfilerOnJdk25() {
        onlyContendersBlocked(asyncProfiler(), jdk25());
    }

    @Test
    void threadsCpuWithJfrOnDefaultJdk() {
        threadsCpu(Sampler.JFR, defaultJdk(), POINTS_WALL_CLOCK_SAMPLER);
    }

    @Test
    void threadsCpuWithAsyncProfilerOnDefaultJdk() {
        threadsCpu(asyncProfiler(), defaultJdk(), POINTS);
    }

    @Test
    void threadsCpuWithJfrOnJdk25() {
        threadsCpu(Sampler.JFR, jdk25(), POINTS_WALL_CLOCK_SAMPLER);
    }

    @Test
    void threadsCpuWithAsyncProfilerOnJdk25() {
        threadsCpu(asyncProfiler(), jdk25(), POINTS);
    }

    private static void onlyContendersBlocked(Sampler sampler, Jdk jdk) {
        ProfiledRun run = ProfiledRun.of(ContentionProgram.class, sampler, jdk);
        assertOnlyContendersBlocked(run.configuration(), run.truth(), ProfileFigures.of(run.analysis()));
    }

    /**
     * The contenders are blocked; the idle executor and the sleeper are not, to within a point of the blocked time.
     * Why not "absent": when the program ends, the executor's worker really does wait a few milliseconds for the
     * pool's main lock that {@code shutdownNow} holds (a park inside {@code ReentrantLock.lock}, seen at 0.1 %).
     * Counting its idle parks as contention, as before, gave it 21–26 % of the blocked time.
     */
    static void assertOnlyContendersBlocked(String configuration, com.fasterxml.jackson.databind.JsonNode truth,
                                            ProfileFigures profile) {
        java.util.List<TruthCheck.Row> rows = TruthCheck.blockedByThread(configuration, truth, profile);
        TruthCheck.record(rows);
        // at least three of the four: at the profile settings' 10 ms threshold (the profile command's), a contender
        // whose waits were all shorter is not in the recording (seen once on JDK 25)
        assertThat(profile.blockedThreads()).as(configuration)
                .filteredOn(t -> t.startsWith("contender-")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rows).as(configuration)
                .filteredOn(r -> r.item().equals("idle-scheduler") || r.item().equals("sleeper"))
                .hasSize(2).allSatisfy(r -> assertThat(r.profile()).as(r.item()).isLessThan(1.0));
    }

    private static void threadsCpu(Sampler sampler, Jdk jdk, double points) {
        ProfiledRun run = ProfiledRun.of(ContentionProgram.class, sampler, jdk);
        TruthCheck.recordAndAssertWithin(TruthCheck.cpuByThread(run.configuration(), run.truth(),
                ProfileFigures.of(run.analysis())), Math.max(points, samplingError(run)));
    }

    /**
     * Four standard errors of a quarter's share in as many samples as the profile holds, in points: a wall-clock
     * sampler's ticks thin out on a loaded machine (a fresh-clone CI run beside a CPU hog and two A/B comparisons
     * left JDK 25's JFR 57 samples, one contender reading 19.3 % for a true 25.2 %: one standard error), and the
     * check must not fail on chance alone. Four, not three: the samples are not independent (a contender holds the
     * monitor for several ticks in a row), and a fresh-clone CI run beside the second test JVM read 29.9 % for
     * 24.3 % where three allowed 5.0 points. About 1,200 samples, as on a quiet machine, keep the fixed bound.
     */
    private static double samplingError(ProfiledRun run) {
        long samples = run.analysis().cpu().byThread().stream()
                .mapToLong(r -> r.samples() != null ? r.samples() : r.weight()).sum();
        return samples <= 0 ? 0 : 400 * Math.sqrt(0.25 * 0.75 / samples);
    }
}
