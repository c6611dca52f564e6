package io.flightdeck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.api.Workload;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.env.NoiseAssessment;
import io.flightdeck.harness.home.BaselineStore;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.ReportFile;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;
import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.harness.TestTags;

/**
 * The run as a library, driven without the command line: options from the builder, progress through a listener,
 * and a result that says what the run ended with. The reports are written once, at the end, with the final exit
 * code: a regression against a baseline, or a history that cannot be written, is in report.json and report.html
 * as it is in the result.
 */
@Tag(TestTags.JDK_NEUTRAL)
class FlightdeckRunnerTest {

    @TempDir
    static Path dir;
    static Recorder cleanProgress = new Recorder();
    static RunResult clean;

    /** What a run told its listener, and whether report.json existed at each step after the run. */
    static final class Recorder implements RunProgress {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<ForkOutcome> forks = new CopyOnWriteArrayList<>();
        final List<Boolean> reportJsonSeen = new CopyOnWriteArrayList<>();

        @Override
        public void runStarting(RunStart start) {
            events.add("starting " + start.plan().workloads().stream().map(Workload::name).toList());
        }

        @Override
        public void forkFinished(Workload workload, ForkOutcome outcome) {
            forks.add(outcome);
        }

        @Override
        public void runFinished(RunReport report, Path folder) {
            events.add("finished " + report.verdict());
            reportJsonSeen.add(Files.exists(folder.resolve(RunLayout.REPORT_JSON)));
        }

        @Override
        public void compared(RunComparison comparison, Path folder) {
            events.add("compared " + comparison.verdict());
            reportJsonSeen.add(Files.exists(folder.resolve(RunLayout.REPORT_JSON)));
        }

        @Override
        public void problem(String message) {
            events.add("problem " + message);
        }
    }

    static RunOptions.Builder small(String out) {
        return RunOptions.builder().workloads("test-sum").forks(2).warmupIterations(1)
                .measurementIterations(3).iterationMillis(100).home(dir.resolve("home")).history(false)
                .outputFolder(dir.resolve(out));
    }

    @BeforeAll
    static void runOnce() throws Exception {
        clean = FlightdeckRunner.run(small("clean").build(), cleanProgress);
    }

    @Test
    void aRunReturnsItsFolderOutcomesAndExitCode() throws Exception {
        assertThat(clean.exitCode()).as(cleanProgress.events.toString()).isZero();
        assertThat(clean.passed()).isTrue();
        assertThat(clean.folder()).isEqualTo(dir.resolve("clean").toAbsolutePath().normalize());
        assertThat(clean.workloads()).extracting(WorkloadReport::name).containsExactly("test-sum");
        assertThat(clean.workloads().get(0).status()).isEqualTo(RunReport.PASSED);
        assertThat(clean.comparison()).isNull();
        assertThat(clean.baselineSaved()).isNull();
        assertThat(clean.history()).as("history(false)").isNull();
        Path workload = RunLayout.workloadFolder(clean.folder(), "test-sum");
        assertThat(workload.resolve(RunLayout.forkFile(RunLayout.RECORDING, "jfr", 1))).isRegularFile();
        assertThat(workload.resolve(RunLayout.forkFile(RunLayout.RESULT, "json", 2))).isRegularFile();
        assertThat(ReportFile.read(clean.reportJson())).isEqualTo(clean.report());
        assertThat(clean.reportHtml()).isRegularFile();
        assertThat(new Home(dir.resolve("home")).history()).doesNotExist();
    }

    @Test
    void progressGoesToTheListener() {
        assertThat(cleanProgress.events).containsExactly("starting [test-sum]", "finished passed");
        assertThat(cleanProgress.forks).hasSize(2).allSatisfy(f -> assertThat(f.ok()).isTrue());
        assertThat(cleanProgress.reportJsonSeen).as("report.json is written once, after every step").containsOnly(false);
    }

    /**
     * A baseline planted a hundred times faster than this machine runs test-sum, over four JVMs: the run regresses
     * against it whatever the machine's speed. Only a machine busy enough for the comparison to doubt every slowdown
     * makes it inconclusive, which the comparison says; the exit code and the report follow the verdict either way.
     */
    @Test
    void aRegressionAgainstABaselineIsInTheResultAndInTheReportWrittenOnce() throws Exception {
        new BaselineStore(new Home(dir.resolve("home"))).save("planted", clean.folder(), hundredTimesFaster(
                clean.report()), null);
        Recorder progress = new Recorder();
        RunResult slow = FlightdeckRunner.run(small("against-planted").baseline("planted").regressionLimit("50%")
                .confirm(false).build(), progress);

        RunComparison c = slow.comparison();
        assertThat(c).as(progress.events.toString()).isNotNull();
        assertThat(slow.workloads().get(0).status()).isEqualTo(RunReport.PASSED);
        boolean busy = slow.report().noise() != null
                && slow.report().noise().meanOtherCpuCores() > NoiseAssessment.MEAN_OTHER_CPU_WARN_CORES;
        if (!busy) {
            assertThat(c.verdict()).as(c.toString()).isEqualTo(RunComparison.REGRESSED);
        } else if (!RunComparison.REGRESSED.equals(c.verdict())) {
            assertThat(c.verdict()).isEqualTo(RunComparison.INCONCLUSIVE);
            assertThat(c.workloads().get(0).cases().get(0).metrics().get(0).change().reason())
                    .contains("busy machine");
        }
        int expected = RunComparison.REGRESSED.equals(c.verdict()) ? ExitCode.CHECK_FAILED : ExitCode.OK;
        assertThat(slow.exitCode()).isEqualTo(expected);
        assertThat(slow.regressed()).isEqualTo(expected == ExitCode.CHECK_FAILED);
        RunReport written = ReportFile.read(slow.reportJson());
        assertThat(written.exitCode()).isEqualTo(expected);
        assertThat(written.verdict()).isEqualTo(expected == 0 ? RunReport.PASSED : RunReport.FAILED);
        assertThat(written).isEqualTo(slow.report());
        assertThat(Jsoup.parse(slow.reportHtml().toFile()).select("#verdict").text())
                .endsWith("exit code " + expected);
        assertThat(slow.folder().resolve(RunLayout.COMPARISON_JSON)).isRegularFile();
        assertThat(progress.reportJsonSeen).as("no report.json before the comparison").containsExactly(false, false);
        assertThat(progress.events).contains("compared " + c.verdict());
    }

    /** A step after the run that fails (a history that cannot be written) fails the run, and its report says so. */
    @Test
    void aHistoryThatCannotBeWrittenIsInTheReportsExitCode() throws Exception {
        Path home = dir.resolve("broken-home");
        Files.createDirectories(new Home(home).history()); // a folder where the history file should be
        Recorder progress = new Recorder();
        RunResult r = FlightdeckRunner.run(small("broken-history").forks(1).home(home).history(true).build(),
                progress);

        assertThat(r.workloads().get(0).status()).as(progress.events.toString()).isEqualTo(RunReport.PASSED);
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.history()).isNull();
        assertThat(progress.events).anyMatch(e -> e.startsWith("problem the run was not added to the history"));
        RunReport written = ReportFile.read(r.reportJson());
        assertThat(written.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(written.verdict()).isEqualTo(RunReport.FAILED);
        assertThat(Jsoup.parse(r.reportHtml().toFile()).select("#verdict").text()).endsWith("exit code 2");
    }

    /** The compare entry point, on a run folder against itself: the same samples, so nothing regressed. */
    @Test
    void aRunComparedWithItselfThroughTheLibrary() {
        Comparisons.Result r = Comparisons.compare(CompareOptions.builder(clean.folder().toString(),
                clean.reportJson().toString()).outputFolder(dir.resolve("self")).home(dir.resolve("home")).build(),
                RunProgress.QUIET);

        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.comparison().verdict()).isNotEqualTo(RunComparison.REGRESSED);
        assertThat(r.folder().resolve(RunLayout.COMPARISON_JSON)).isRegularFile();
        assertThat(r.page()).isEqualTo(r.folder().resolve(RunLayout.COMPARISON_HTML)).isRegularFile();
    }

    @Test
    void badLeakCheckOptionsAreRefusedByTheBuilder() {
        assertThatThrownBy(() -> LeakCheckOptions.builder().durationSeconds(2).build())
                .isInstanceOf(RunInputException.class).hasMessage("--duration 2s gives 2 checkpoint(s): a trend needs "
                        + "at least 5");
        assertThatThrownBy(() -> LeakCheckOptions.builder().checkpointMillis(0).build())
                .isInstanceOf(RunInputException.class).hasMessageStartingWith("--checkpoint-ms must be from 1");
        assertThatThrownBy(() -> LeakCheckRunner.check(LeakCheckOptions.builder().workloads("nope").history(false)
                .build())).isInstanceOf(RunInputException.class).hasMessageStartingWith("unknown workload 'nope'");
    }

    @Test
    void badOptionsAreRefusedBeforeAnyJvmStarts() {
        assertThatThrownBy(() -> RunOptions.builder().forks(0).build()).isInstanceOf(RunInputException.class)
                .hasMessage("--forks must be from 1 to 64, was 0");
        assertThatThrownBy(() -> RunOptions.builder().jfr(false).wholeJvm(true).build())
                .isInstanceOf(RunInputException.class).hasMessageContaining("no recording to analyse");
        Path out = dir.resolve("never");
        assertThatThrownBy(() -> FlightdeckRunner.run(RunOptions.builder().workloads("no-such-workload")
                .outputFolder(out).history(false).build(), RunProgress.QUIET))
                .isInstanceOf(RunInputException.class).hasMessageStartingWith("unknown workload 'no-such-workload'");
        assertThatThrownBy(() -> FlightdeckRunner.check(small("never").baseline("none-saved").build()))
                .isInstanceOf(RunInputException.class).hasMessageStartingWith("--baseline none-saved: no such baseline");
        assertThat(out).doesNotExist();
    }

    /** The run's report with every case's timings a hundred times faster, over four JVMs as a baseline has. */
    static RunReport hundredTimesFaster(RunReport r) {
        List<WorkloadReport> workloads = new ArrayList<>();
        for (WorkloadReport w : r.workloads()) {
            List<CaseReport> cases = new ArrayList<>();
            for (CaseReport c : w.cases()) {
                List<CaseReport.Iteration> iterations = new ArrayList<>();
                for (int fork = 1; fork <= 4; fork++) {
                    for (CaseReport.Iteration i : c.iterations()) {
                        iterations.add(new CaseReport.Iteration(fork, i.index(), i.operations(), i.wallNanos() / 100,
                                i.activeNanos() / 100, i.meanNanos() / 100, i.opsPerSecond() * 100,
                                Math.max(1, i.p50Nanos() / 100), Math.max(1, i.p90Nanos() / 100),
                                Math.max(1, i.p99Nanos() / 100), i.allocatedBytes()));
                    }
                }
                cases.add(c.withIterations(iterations));
            }
            workloads.add(new WorkloadReport(w.name(), w.description(), w.operationUnit(), w.status(), w.failure(),
                    w.forks(), cases, w.scaling(), w.profile()));
        }
        return new RunReport(r.schemaVersion(), r.tool(), r.runId() + "-planted", r.startedAt(), r.finishedAt(),
                r.durationSeconds(), r.settings(), r.environment(), null, workloads, r.budgets(), r.leakChecks(),
                r.verdict(), r.exitCode());
    }
}
