package io.flightdeck.harness.compare;

import static io.flightdeck.harness.compare.RunComparatorTest.run;
import static io.flightdeck.harness.compare.RunComparatorTest.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

class RegressionConfirmationTest {

    private static RunComparison confirm(RunReport first, RunReport again) {
        RunComparison once = RunComparator.compare("b", run(1_000, 100, 0), "c", first, ChangeThresholds.DEFAULTS,
                List.of());
        assertThat(RegressionConfirmation.regressedWorkloads(once)).as("the first run regressed").containsExactly("w");
        return RegressionConfirmation.confirm("b", run(1_000, 100, 0), "c", first, again, 2, List.of("w"),
                ChangeThresholds.DEFAULTS, List.of());
    }

    @Test
    void aSlowdownOnlyTheFirstRunSawIsNotConfirmed() {
        // a slow spell: every fork of the first run 30 % slower, the second run as fast as the baseline
        RunComparison c = confirm(run(1_300, 100, 0), run(1_000, 100, 0));
        assertThat(c.verdict()).isNotEqualTo(RunComparison.REGRESSED);
        assertThat(c.exitCode()).isZero();
        assertThat(verdict(c, "mean")).isEqualTo(ChangeVerdict.INCONCLUSIVE);
        assertThat(c.confirmation().workloads()).containsExactly("w");
        assertThat(c.confirmation().confirmed()).isEmpty();
        assertThat(ComparisonText.confirmationLine(c)).startsWith("Not confirmed by a second run: w regressed")
                .contains("no longer regressed: w");
    }

    @Test
    void aSlowdownBothRunsSawIsConfirmedOnTwiceTheSamples() {
        RunComparison c = confirm(run(1_300, 100, 0), run(1_310, 100, 0));
        assertThat(c.verdict()).isEqualTo(RunComparison.REGRESSED);
        assertThat(c.exitCode()).isEqualTo(1);
        assertThat(c.confirmation().confirmed()).containsExactly("w");
        MetricChange mean = c.workloads().get(0).cases().get(0).metrics().get(0).change();
        assertThat(mean.currentSamples()).isEqualTo(20);
        assertThat(mean.baselineSamples()).isEqualTo(10);
        assertThat(ComparisonText.confirmationLine(c)).startsWith("Confirmed by a second run")
                .contains("still regressed: w");
    }

    @Test
    void theSecondRunsForksFollowTheFirstsInNumber() {
        RunReport pooled = RegressionConfirmation.pooled(run(1_300, 100, 0), run(1_000, 100, 0));
        List<Integer> forks = pooled.workloads().get(0).cases().get(0).iterations().stream()
                .map(CaseReport.Iteration::fork).distinct().sorted().toList();
        assertThat(forks).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aBusySecondRunMakesTheRegressionDoubtful() {
        RunComparison c = confirm(run(1_300, 100, 0), run(1_300, 100, 1.5));
        assertThat(c.verdict()).isEqualTo(RunComparison.INCONCLUSIVE);
        assertThat(c.workloads().get(0).cases().get(0).metrics().get(0).change().reason())
                .contains("busy machine");
    }

    @Test
    void aWorkloadThatFailedInTheSecondRunIsJudgedOnTheFirstAndSaysSo() {
        RunReport again = run(1_000, 100, 0);
        WorkloadReport w = again.workloads().get(0);
        RunReport failed = new RunReport(again.schemaVersion(), again.tool(), again.runId(), again.startedAt(),
                again.finishedAt(), 0, null, null, again.noise(), List.of(new WorkloadReport(w.name(),
                w.description(), w.operationUnit(), RunReport.FAILED, "exit code 1", List.of(), List.of(), null,
                null)), List.of(), List.of(), RunReport.FAILED, 1);
        RunComparison c = confirm(run(1_300, 100, 0), failed);
        assertThat(c.verdict()).isEqualTo(RunComparison.REGRESSED);
        assertThat(c.confirmation().failed()).containsExactly("w");
        assertThat(c.confirmation().confirmed()).isEmpty();
        assertThat(ComparisonText.confirmationLine(c)).startsWith("Not confirmed, the second run failed")
                .contains("judged on the first alone: w");
    }
}
