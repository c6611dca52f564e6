package io.flightdeck.harness.truth;

import static io.flightdeck.harness.truth.Configurations.asyncProfiler;
import static io.flightdeck.harness.truth.Configurations.defaultJdk;
import static io.flightdeck.harness.truth.Configurations.jdk25;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link AllocationSplitProgram}: with async-profiler's allocation sampler (sampled bytes, unbiased) both sites
 * within 3 points of the bytes the program measured. JFR's {@code ObjectAllocationSample} weights follow TLAB
 * refills and are known to be far off for large arrays (issue 17); its rows are recorded in the table, and only
 * that it sees both sites is asserted.
 */
@Tag(Configurations.GROUND_TRUTH)
class AllocationSplitTruthTest {

    static final double POINTS = 3;

    @Test
    void sitesWithAsyncProfilerOnDefaultJdk() {
        sites(asyncProfiler(), defaultJdk());
    }

    @Test
    void sitesWithAsyncProfilerOnJdk25() {
        sites(asyncProfiler(), jdk25());
    }

    @Test
    void jfrSeesBothSitesOnDefaultJdk() {
        bothSitesSeen(defaultJdk());
    }

    @Test
    void jfrSeesBothSitesOnJdk25() {
        bothSitesSeen(jdk25());
    }

    private static void sites(Sampler sampler, Jdk jdk) {
        ProfiledRun run = ProfiledRun.of(AllocationSplitProgram.class, sampler, jdk);
        TruthCheck.recordAndAssertWithin(TruthCheck.allocationBySite(run.configuration(), run.truth(),
                ProfileFigures.of(run.analysis())), POINTS);
    }

    private static void bothSitesSeen(Jdk jdk) {
        ProfiledRun run = ProfiledRun.of(AllocationSplitProgram.class, Sampler.JFR, jdk);
        List<TruthCheck.Row> rows = TruthCheck.allocationBySite(run.configuration(), run.truth(),
                ProfileFigures.of(run.analysis()));
        TruthCheck.record(rows);
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.profile()).as(r.item()).isPositive());
    }
}
