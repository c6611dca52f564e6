package io.flightdeck.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.flightdeck.harness.check.RegressionLimit;
import io.flightdeck.harness.env.NoiseReport;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.RunSettings;
import io.flightdeck.harness.report.WorkloadReport;

/** Whole runs compared: every case's metrics, the worst verdict, and what a busy machine or a tiny change means. */
class RunComparatorTest {

    static CaseReport.Iteration iteration(int i, double meanNanos, long allocatedBytes) {
        // four forks, iterations taking turns: as many as a baseline needs for a regression
        return iteration(1 + i % RunComparator.MIN_BASELINE_FORKS, i, meanNanos, allocatedBytes);
    }

    static CaseReport.Iteration iteration(int fork, int i, double meanNanos, long allocatedBytes) {
        return iteration(fork, i, meanNanos, allocatedBytes, 10_000);
    }

    static CaseReport.Iteration iteration(int fork, int i, double meanNanos, long allocatedBytes, long ops) {
        return new CaseReport.Iteration(fork, i, ops, 1_000_000_000L, 1_000_000_000L, meanNanos, 1e9 / meanNanos,
                (long) meanNanos, (long) (meanNanos * 1.2), (long) (meanNanos * 2), allocatedBytes * ops);
    }

    static RunReport run(double meanNanos, long allocPerOp, double otherCores) {
        List<CaseReport.Iteration> iterations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            iterations.add(iteration(i, meanNanos * (1 + 0.01 * ((i * 7) % 5 - 2)), allocPerOp + i % 3));
        }
        CaseReport c = new CaseReport("default", 1, 0, "op", null, "", 0, iterations, null, null, 0, 0, List.of(),
                List.of(), null);
        WorkloadReport w = new WorkloadReport("w", "", "op", RunReport.PASSED, null, List.of(), List.of(c), null,
                null);
        NoiseReport noise = new NoiseReport(10, 10_000, otherCores, otherCores, null, null, null, null, 2,
                otherCores > 0.25 ? List.of("busy") : List.of());
        return new RunReport(RunReport.SCHEMA_VERSION, "t", "r", Instant.EPOCH, Instant.EPOCH, 0, null, null, noise,
                List.of(w), List.of(), List.of(), RunReport.PASSED, 0);
    }

    static ChangeVerdict verdict(RunComparison c, String metric) {
        return c.workloads().get(0).cases().get(0).metrics().stream().filter(m -> m.metric().equals(metric))
                .findFirst().orElseThrow().change().verdict();
    }

    @Test
    void aSlowerRunRegressesEveryLatencyAndItsThroughput() {
        RunComparison c = RunComparator.compare("b", run(1_000, 100, 0), "c", run(1_300, 100, 0),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(c.verdict()).isEqualTo(RunComparison.REGRESSED);
        assertThat(c.exitCode()).isEqualTo(1);
        for (String m : List.of("mean", "p50", "p90", "p99", "throughput")) {
            assertThat(verdict(c, m)).as(m).isEqualTo(ChangeVerdict.REGRESSED);
        }
        assertThat(verdict(c, "alloc-per-op")).isEqualTo(ChangeVerdict.NO_CHANGE);
    }

    static RunReport recorded(RunReport r, boolean jfr, String sampler, String every) {
        return recorded(r, jfr, sampler, every, null);
    }

    static RunReport recorded(RunReport r, boolean jfr, String sampler, String every, Boolean paced) {
        RunSettings settings = new RunSettings("t", "small", Map.of(), 1, 1, "1g", "G1", jfr, "profile", 0, 1, 1, 1000,
                60, "none", List.of("w"), List.of(), null, new RunSettings.ChildSettings("auto", jfr ? sampler : null,
                null, List.of(), "java", "17", every, paced));
        return new RunReport(r.schemaVersion(), r.tool(), r.runId(), r.startedAt(), r.finishedAt(),
                r.durationSeconds(), settings, r.environment(), r.noise(), r.workloads(), r.budgets(), r.leakChecks(),
                r.verdict(), r.exitCode());
    }

    @Test
    void sidesRecordedDifferentlyAreWarnedOfAndAlikeOrUnknownAreNot() {
        RunReport ap = recorded(run(1_000, 100, 0), true, "async-profiler", null);
        RunComparison other = RunComparator.compare("b", ap, "c",
                recorded(run(1_000, 100, 0), true, "async-profiler", "CPU every 20 ms"), ChangeThresholds.DEFAULTS,
                List.of());
        assertThat(other.current().recording()).isEqualTo("JFR profile, async-profiler, CPU every 20 ms");
        assertThat(ComparisonText.warnings(other)).singleElement().asString()
                .contains("recorded differently", "baseline: JFR profile, async-profiler;",
                        "this run: JFR profile, async-profiler, CPU every 20 ms");
        RunComparison unrecorded = RunComparator.compare("b", ap, "c",
                recorded(run(1_000, 100, 0), false, "async-profiler", null), ChangeThresholds.DEFAULTS, List.of());
        assertThat(ComparisonText.warnings(unrecorded)).singleElement().asString().contains("this run: no recording");
        RunComparison paced = RunComparator.compare("b", ap, "c",
                recorded(run(1_000, 100, 0), true, "async-profiler", null, true), ChangeThresholds.DEFAULTS, List.of());
        assertThat(ComparisonText.warnings(paced)).as("a baseline from before the allocation sampler was paced")
                .singleElement().asString().contains("this run: JFR profile, async-profiler, allocation paced");

        assertThat(ComparisonText.warnings(RunComparator.compare("b", ap, "c",
                recorded(run(1_000, 100, 0), true, "async-profiler", null), ChangeThresholds.DEFAULTS, List.of())))
                .isEmpty();
        assertThat(ComparisonText.warnings(RunComparator.compare("b", ap, "c", run(1_000, 100, 0),
                ChangeThresholds.DEFAULTS, List.of()))).as("a report that does not say").isEmpty();
    }

    @Test
    void theSameRunIsNoRegression() {
        RunComparison c = RunComparator.compare("b", run(1_000, 100, 0), "c", run(1_000, 100, 0),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(c.verdict()).isEqualTo(RunComparison.NO_REGRESSION);
        assertThat(c.exitCode()).isZero();
    }

    @Test
    void aRegressionOnABusyMachineIsInconclusiveAndSaysWhy() {
        RunComparison c = RunComparator.compare("b", run(1_000, 100, 0), "c", run(1_300, 100, 1.2),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(c.verdict()).isEqualTo(RunComparison.INCONCLUSIVE);
        assertThat(c.exitCode()).isZero();
        MetricChange mean = c.workloads().get(0).cases().get(0).metrics().get(0).change();
        assertThat(mean.reason()).contains("this run ran on a busy machine", "1.20 CPU cores");
    }

    @Test
    void aRegressionAgainstABusyBaselineStaysRegressed() {
        // the baseline's neighbours made it slower, so the slowdown measured against it is if anything too small
        RunComparison c = RunComparator.compare("b", run(1_000, 100, 1.2), "c", run(1_300, 100, 0),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(c.verdict()).isEqualTo(RunComparison.REGRESSED);
        assertThat(verdict(c, "mean")).isEqualTo(ChangeVerdict.REGRESSED);
        assertThat(c.exitCode()).isEqualTo(1);
    }

    @Test
    void anImprovementAgainstABusyBaselineIsNoChangeAndSaysWhy() {
        RunComparison c = RunComparator.compare("b", run(1_300, 100, 1.2), "c", run(1_000, 100, 0),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(verdict(c, "mean")).isEqualTo(ChangeVerdict.NO_CHANGE);
        assertThat(c.verdict()).isEqualTo(RunComparison.NO_REGRESSION);
        assertThat(c.workloads().get(0).cases().get(0).metrics().get(0).change().reason())
                .contains("the baseline ran on a busy machine", "1.20 CPU cores");
        // on a quiet baseline the same speed-up is one
        RunComparison quiet = RunComparator.compare("b", run(1_300, 100, 0), "c", run(1_000, 100, 0),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(verdict(quiet, "mean")).isEqualTo(ChangeVerdict.IMPROVED);
    }

    @Test
    void anImprovementOnABusyCurrentRunStands() {
        RunComparison c = RunComparator.compare("b", run(1_300, 100, 0), "c", run(1_000, 100, 1.2),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(verdict(c, "mean")).isEqualTo(ChangeVerdict.IMPROVED);
    }

    @Test
    void theBusyCoresThresholdDecidesWhatIsBusy() {
        // 0.4 cores of other load: busy by the default 0.25, quiet by 0.5
        RunComparison byDefault = RunComparator.compare("b", run(1_000, 100, 0), "c", run(1_300, 100, 0.4),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(byDefault.verdict()).isEqualTo(RunComparison.INCONCLUSIVE);
        RunComparison lenient = RunComparator.compare("b", run(1_000, 100, 0), "c", run(1_300, 100, 0.4),
                ChangeThresholds.DEFAULTS.withBusyCores(0.5), List.of());
        assertThat(lenient.verdict()).isEqualTo(RunComparison.REGRESSED);
        assertThat(lenient.thresholds().busyCores()).isEqualTo(0.5);
        // a metric's own limit keeps the threshold
        assertThat(lenient.thresholds().withLimit(0.05).busyCores()).isEqualTo(0.5);
    }

    @Test
    void eachSideCarriesItsNoiseFigures() {
        RunComparison c = RunComparator.compare("b", run(1_000, 100, 0.05), "c", run(1_300, 100, 0.8),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(c.baseline().meanOtherCpuCores()).isEqualTo(0.05);
        assertThat(c.baseline().maxOtherCpuCores()).isEqualTo(0.05);
        assertThat(c.current().meanOtherCpuCores()).isEqualTo(0.8);
        assertThat(ComparisonText.noiseLine(c)).isEqualTo("baseline: quiet (0.05 cores of other load, at most 0.05),"
                + " this run: busy (0.80 cores of other load, at most 0.80) (busy: more than 0.25 cores on average)");
    }

    @Test
    void aComparisonWrittenBeforeNoiseFiguresStillReads() throws Exception {
        String old = """
                {"schemaVersion":1,"baseline":{"label":"b","runId":"r1"},"current":{"label":"c","runId":"r2"},
                 "thresholds":{"noise":0.02,"limit":0.1,"alpha":0.05},"sameEnvironment":true,"workloads":[],
                 "verdict":"no regression","exitCode":0}
                """;
        RunComparison c = io.flightdeck.child.files.Json.mapper().readValue(old, RunComparison.class);
        assertThat(c.baseline().meanOtherCpuCores()).isNull();
        assertThat(c.thresholds().busyCores()).isEqualTo(0.25);
        assertThat(ComparisonText.noiseLine(c)).isNull();
    }

    @Test
    void aTinyAllocationChangeIsNoneWhateverItsPercentage() {
        RunComparison c = RunComparator.compare("b", run(1_000, 2, 0), "c", run(1_000, 6, 0),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(verdict(c, "alloc-per-op")).isEqualTo(ChangeVerdict.NO_CHANGE);
        RunComparison real = RunComparator.compare("b", run(1_000, 100, 0), "c", run(1_000, 200, 0),
                ChangeThresholds.DEFAULTS, List.of());
        assertThat(verdict(real, "alloc-per-op")).isEqualTo(ChangeVerdict.REGRESSED);
    }

    @Test
    void aMetricsOwnLimitFromTheBudgetsFileReplacesTheDefault() {
        // 8 % slower: inside the default 10 %, beyond a 5 % limit set for the mean of this workload
        List<RegressionLimit> limits = List.of(new RegressionLimit("w", null, "mean", 0.05));
        RunComparison strict = RunComparator.compare("b", run(1_000, 100, 0), "c", run(1_080, 100, 0),
                ChangeThresholds.DEFAULTS, limits);
        assertThat(verdict(strict, "mean")).isEqualTo(ChangeVerdict.REGRESSED);
        assertThat(verdict(strict, "p50")).isEqualTo(ChangeVerdict.NO_CHANGE);
        RunComparison other = RunComparator.compare("b", run(1_000, 100, 0), "c", run(1_080, 100, 0),
                ChangeThresholds.DEFAULTS, List.of(new RegressionLimit("elsewhere", null, "mean", 0.05)));
        assertThat(verdict(other, "mean")).isEqualTo(ChangeVerdict.NO_CHANGE);
    }

    /** A run whose iterations all come from one JVM. */
    static RunReport oneFork(double meanNanos) {
        RunReport r = run(meanNanos, 100, 0);
        CaseReport c = r.workloads().get(0).cases().get(0);
        List<CaseReport.Iteration> single = c.iterations().stream().map(i -> iteration(1, i.index(), i.meanNanos(),
                100)).toList();
        return withIterations(r, single);
    }

    static RunReport withIterations(RunReport r, List<CaseReport.Iteration> iterations) {
        CaseReport changed = r.workloads().get(0).cases().get(0).withIterations(iterations);
        WorkloadReport w = r.workloads().get(0);
        return new RunReport(r.schemaVersion(), r.tool(), r.runId(), r.startedAt(), r.finishedAt(),
                r.durationSeconds(), r.settings(), r.environment(), r.noise(),
                List.of(new WorkloadReport(w.name(), w.description(), w.operationUnit(), w.status(), w.failure(),
                        w.forks(), List.of(changed), w.scaling(), w.profile())), r.budgets(), r.leakChecks(),
                r.verdict(), r.exitCode());
    }

    @Test
    void oneJvmASideCannotMakeARegression() {
        RunComparison c = RunComparator.compare("b", oneFork(1_000), "c", oneFork(1_300), ChangeThresholds.DEFAULTS,
                List.of());
        assertThat(verdict(c, "mean")).isEqualTo(ChangeVerdict.INCONCLUSIVE);
        assertThat(c.workloads().get(0).cases().get(0).metrics().get(0).change().reason())
                .startsWith("one JVM on a side (1 against 1 forks)");
        assertThat(c.exitCode()).isZero();
    }

    @Test
    void jvmsThatDisagreeMakeARegressionInconclusive() {
        // the baseline's second JVM was as slow as the current ones: the iterations differ, the JVMs do not clearly
        List<CaseReport.Iteration> base = new java.util.ArrayList<>();
        List<CaseReport.Iteration> cur = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            base.add(iteration(1 + i % 3, i, 1_000 + i, 100));
            cur.add(iteration(1 + i % 2, i, 1_300 + i, 100));
        }
        base.add(iteration(4, 12, 1_290, 100));
        base.add(iteration(4, 13, 1_292, 100));
        RunComparison c = RunComparator.compare("b", withIterations(run(1, 100, 0), base), "c",
                withIterations(run(1, 100, 0), cur), ChangeThresholds.DEFAULTS, List.of());
        MetricChange mean = c.workloads().get(0).cases().get(0).metrics().get(0).change();
        assertThat(mean.verdict()).as(mean.reason()).isEqualTo(ChangeVerdict.INCONCLUSIVE);
        assertThat(mean.reason()).startsWith("the JVMs disagree");
    }

    /** The same run with every iteration holding this many operations. */
    static RunReport withOperations(RunReport r, long ops) {
        return withIterations(r, r.workloads().get(0).cases().get(0).iterations().stream()
                .map(i -> iteration(i.fork(), i.index(), i.meanNanos(), i.allocatedBytes() / i.operations(), ops))
                .toList());
    }

    @Test
    void aPercentileOfTooFewOperationsCannotFailABuild() {
        // 700 operations an iteration: 7 at or beyond the p99, 70 beyond the p90
        RunComparison c = RunComparator.compare("b", withOperations(run(1_000, 100, 0), 700), "c",
                withOperations(run(1_300, 100, 0), 700), ChangeThresholds.DEFAULTS, List.of());
        MetricChange p99 = c.workloads().get(0).cases().get(0).metrics().stream()
                .filter(m -> m.metric().equals("p99")).findFirst().orElseThrow().change();
        assertThat(p99.verdict()).isEqualTo(ChangeVerdict.INCONCLUSIVE);
        assertThat(p99.reason()).startsWith("the p99 of an iteration rests on its slowest 7 of 700 operations; it"
                + " takes 20 (2,000 operations an iteration");
        assertThat(verdict(c, "p90")).isEqualTo(ChangeVerdict.REGRESSED);
        assertThat(verdict(c, "mean")).isEqualTo(ChangeVerdict.REGRESSED);
        // nor claim an improvement
        RunComparison better = RunComparator.compare("b", withOperations(run(1_300, 100, 0), 700), "c",
                withOperations(run(1_000, 100, 0), 700), ChangeThresholds.DEFAULTS, List.of());
        assertThat(verdict(better, "p99")).isEqualTo(ChangeVerdict.NO_CHANGE);
        assertThat(verdict(better, "p90")).isEqualTo(ChangeVerdict.IMPROVED);
    }

    @Test
    void aBaselineOfTwoJvmsCannotMakeARegression() {
        // every iteration 30 % slower, both current JVMs alike: but two baseline JVMs may both have missed a speed
        // that JVMs of this build can take
        List<CaseReport.Iteration> base = new ArrayList<>();
        List<CaseReport.Iteration> cur = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            base.add(iteration(1 + i % 2, i, 1_000 + i, 100));
            cur.add(iteration(1 + i % 2, i, 1_300 + i, 100));
        }
        RunComparison c = RunComparator.compare("b", withIterations(run(1, 100, 0), base), "c",
                withIterations(run(1, 100, 0), cur), ChangeThresholds.DEFAULTS, List.of());
        MetricChange mean = c.workloads().get(0).cases().get(0).metrics().get(0).change();
        assertThat(mean.verdict()).as(mean.reason()).isEqualTo(ChangeVerdict.INCONCLUSIVE);
        assertThat(mean.reason()).startsWith("the baseline has 2 JVMs (forks), too few");
        assertThat(c.exitCode()).isZero();
        // the same slowdown against four baseline JVMs fails
        List<CaseReport.Iteration> four = base.stream().map(i -> iteration(1 + i.index() % 4, i.index(),
                i.meanNanos(), 100)).toList();
        RunComparison strong = RunComparator.compare("b", withIterations(run(1, 100, 0), four), "c",
                withIterations(run(1, 100, 0), cur), ChangeThresholds.DEFAULTS, List.of());
        assertThat(strong.exitCode()).isEqualTo(1);
    }

    @Test
    void aWorkloadTheBaselineLacksIsNewNotJudged() {
        RunReport base = run(1_000, 100, 0);
        RunReport other = new RunReport(base.schemaVersion(), "t", "r", Instant.EPOCH, Instant.EPOCH, 0, null, null,
                null, List.of(), List.of(), List.of(), RunReport.PASSED, 0);
        RunComparison c = RunComparator.compare("b", other, "c", base, ChangeThresholds.DEFAULTS, List.of());
        assertThat(c.workloads().get(0).status()).isEqualTo("new");
        // nothing in common: a gate that compared nothing says so instead of passing quietly
        assertThat(c.verdict()).isEqualTo(RunComparison.INCONCLUSIVE);
        assertThat(c.exitCode()).isZero();
        assertThat(ComparisonText.verdictLine(c)).startsWith("NOTHING COMPARED");
    }
}
