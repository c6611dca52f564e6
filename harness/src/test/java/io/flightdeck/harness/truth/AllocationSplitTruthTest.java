package io.flightdeck.harness.truth;

import static io.flightdeck.harness.truth.Configurations.asyncProfiler;
import static io.flightdeck.harness.truth.Configurations.defaultJdk;
import static io.flightdeck.harness.truth.Configurations.jdk25;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link AllocationSplitProgram}: with async-profiler's allocation sampler (sampled bytes) both sites within
 * {@link #POINTS} points of the bytes the program measured. JFR's {@code ObjectAllocationSample} weights follow
 * TLAB refills and are known to be far off for large arrays; its rows are recorded in the table, and only that it
 * sees the larger site and says its shares may be off is asserted.
 */
@Tag(Configurations.GROUND_TRUTH)
class AllocationSplitTruthTest {

    /**
     * How far async-profiler's shares may be from the bytes the program counted. 3 points held in every run until one
     * on a fresh clone read 73.1 / 26.9 for a true 70.0 / 30.0, from 3,975 samples: about 4 standard errors for the
     * larger site, so not chance. The cause is JDK 17's heap sampler (JDK-8356372): with small TLABs, which a loaded
     * machine can bring, it samples the 24 KB arrays too rarely (79 / 21 with 64 KB TLABs; JDK 25 is fixed).
     * 4 points still tells the sampler's answer (70 / 30) from JFR's reversed one (1.65 / 98.09).
     */
    static final double POINTS = 4;

    @Test
    void sitesWithAsyncProfilerOnDefaultJdk() {
        sites(asyncProfiler(), defaultJdk());
    }

    @Test
    void sitesWithAsyncProfilerOnJdk25() {
        sites(asyncProfiler(), jdk25());
    }

    @Test
    void jfrSeesTheLargerSiteAndWarnsOnDefaultJdk() {
        largerSiteSeenWithAWarning(defaultJdk());
    }

    @Test
    void jfrSeesTheLargerSiteAndWarnsOnJdk25() {
        largerSiteSeenWithAWarning(jdk25());
    }

    private static void sites(Sampler sampler, Jdk jdk) {
        ProfiledRun run = ProfiledRun.of(AllocationSplitProgram.class, sampler, jdk);
        TruthCheck.recordAndAssertWithin(TruthCheck.allocationBySite(run.configuration(), run.truth(),
                ProfileFigures.of(run.analysis())), POINTS);
    }

    /**
     * The larger site is seen, and the analysis warns that JFR's shares may be off. The smaller one is not asked
     * for: on a quiet machine JDK 25's sampler, throttled per second, took 262 samples of a shorter run, every one on
     * the large arrays (100 % against 70 %); beside another build it took 873 and saw both.
     */
    private static void largerSiteSeenWithAWarning(Jdk jdk) {
        ProfiledRun run = ProfiledRun.of(AllocationSplitProgram.class, Sampler.JFR, jdk);
        List<TruthCheck.Row> rows = TruthCheck.allocationBySite(run.configuration(), run.truth(),
                ProfileFigures.of(run.analysis()));
        TruthCheck.record(rows);
        assertThat(rows).hasSize(2);
        TruthCheck.Row larger = rows.stream().max(java.util.Comparator.comparingDouble(TruthCheck.Row::truth))
                .orElseThrow();
        assertThat(larger.profile()).as(larger.item()).isPositive();
        assertThat(run.analysis().allocation().biasNote()).as("the warning beside JFR's shares").isNotBlank();
    }
}
