package io.flightdeck.harness.truth;

import static io.flightdeck.harness.truth.Configurations.defaultJdk;
import static io.flightdeck.harness.truth.Configurations.jdk25;
import static io.flightdeck.harness.truth.Configurations.jfrCpuTime;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.flightdeck.profiling.Analysis;

/**
 * {@link ShortThreadsProgram}: threads that each end before their CPU time reaches one interval are never sampled
 * by a per-thread CPU timer (JDK 25's CPU-time sampler here; async-profiler's cpu is the same kind). The profile
 * cannot show their CPU, so the analysis must say that its samples stand for far less CPU time than the JVM used.
 * JFR's execution sampler samples by wall-clock time: it sees them, if not all (at 2 ms it read 0.8 s of their
 * 2.0 s, against 0.04 s for the CPU-time sampler), and has nothing to warn of. Six thousand tasks, so that the
 * JVM's CPU load, recorded once a second and short of the truth in a run of a few seconds (1.3 s for 2.0 s), still
 * shows far more than a second that no sample accounts for.
 */
@Tag(Configurations.GROUND_TRUTH)
class ShortThreadsTruthTest {

    @Test
    void aPerThreadCpuTimerMissesShortThreadsAndTheAnalysisSaysSo() {
        ProfiledRun run = ProfiledRun.of(ShortThreadsProgram.class, jfrCpuTime(jdk25()), jdk25());
        Analysis a = run.analysis();
        long truth = run.truth().get("taskCpuNanos").asLong();
        long sampledTasks = tasksSampledNanos(a);
        assertThat(sampledTasks).as(run.configuration() + ": the tasks' sampled CPU against their truth, "
                + truth + " ns").isLessThan(truth / 2);
        assertThat(a.warnings()).as(run.configuration())
                .anySatisfy(w -> assertThat(w).contains("CPU samples stand for", "per-thread CPU timer"));
    }

    @Test
    void aWallClockSamplerSeesThem() {
        ProfiledRun run = ProfiledRun.of(ShortThreadsProgram.class, Sampler.JFR, defaultJdk());
        long truth = run.truth().get("taskCpuNanos").asLong();
        // a fifth at least: JFR's execution sampler walks a few threads per tick (2 ms here), and read 40 % of them
        assertThat(tasksSampledNanos(run.analysis())).as(run.configuration() + ", truth " + truth + " ns")
                .isGreaterThan(truth / 5);
        assertThat(run.analysis().warnings()).noneSatisfy(w -> assertThat(w).contains("CPU samples stand for"));
    }

    /** The tasks' samples as CPU time at the tests' 2 ms. */
    private static long tasksSampledNanos(Analysis a) {
        return a.cpu().hotByTotal().stream()
                .filter(m -> m.name().startsWith(ShortThreadsProgram.class.getName() + ".lambda$main$"))
                .mapToLong(m -> m.weight()).sum() * 2_000_000L;
    }
}
