package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.harness.check.RegressionLimit;
import io.flightdeck.harness.compare.ChangeThresholds;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.RegressionConfirmation;
import io.flightdeck.harness.compare.RunComparator;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.results.ResultsStore;

/**
 * What follows a run's measurements, whatever measured them (Flightdeck's children or a project's JMH): the
 * comparison with a baseline and its confirmation, the baseline saved, the history record, and then the reports,
 * written once with the final exit code. After the measurements the run's results are safe in its folder, so a step
 * that fails here is said, counted in the exit code, and the rest still done.
 *
 * @param baselineName  the baseline to compare with, null for none
 * @param against       that baseline, read before the run
 * @param limits        the budgets file's regression limits (empty when a limit was given for every metric)
 * @param failOnInconclusive whether an inconclusive comparison fails the run (exit code 1) as a regression does
 * @param saveBaseline  the name to save the run under, null for none
 * @param history       whether to add the run to the store's history
 * @param results       where baselines and the history are (the home's files or a database)
 */
record RunCompletion(String baselineName, ComparisonFiles.Compared against, ChangeThresholds thresholds,
                     List<RegressionLimit> limits, boolean failOnInconclusive, String saveBaseline, boolean history,
                     ResultsStore results) {

    /** Runs the regressed workloads again and judges both runs together; see {@link RegressionConfirmation}. */
    interface Confirmation {
        RunComparison confirm(List<String> regressed, RunReport report, RunComparison first) throws IOException;
    }

    /**
     * Compares, saves, records and writes the reports.
     *
     * @param confirmation how to confirm a regression; null judges on this run alone
     */
    RunResult complete(RunReport report, Path dir, RunInterruption interruption, RunProgress progress,
                       Confirmation confirmation) throws IOException {
        int exitCode = report.exitCode();
        RunComparison comparison = null;
        if (against != null) {
            try {
                comparison = compare(report, dir, progress, confirmation);
                progress.compared(comparison, dir);
                exitCode = Math.max(exitCode, comparison.exitCode());
            } catch (IOException e) {
                // a result that cannot be written is the user's to fix (a full disk, a read-only folder)
                progress.problem("the comparison with baseline " + baselineName + " could not be written: "
                        + (e instanceof ResultWriteException ? e
                        : new ResultWriteException(dir.resolve(RunLayout.COMPARISON_JSON), e)).getMessage());
                exitCode = Math.max(exitCode, ExitCode.USAGE);
            }
        }
        Path baselineSaved = null;
        if (saveBaseline != null) {
            HomeRecords.Outcome saved = HomeRecords.saveBaseline(progress, results, saveBaseline, report, dir);
            baselineSaved = saved.where() == null ? null : Path.of(saved.where());
            exitCode = Math.max(exitCode, saved.exitCode());
        }
        String historyFile = null;
        if (history) {
            // with its verdict as the comparison and the baseline left it, as report.json will say it
            HomeRecords.Outcome added = HomeRecords.appendHistory(progress, results, report.withExitCode(exitCode),
                    dir);
            historyFile = added.where();
            exitCode = Math.max(exitCode, added.exitCode());
        }
        RunReport done = report.withExitCode(exitCode);
        // once, last, with everything decided: report.json never says anything the run went on to overturn
        ProfilingRun.writeReports(interruption, done, dir, comparison, history ? history(progress) : List.of());
        return new RunResult(dir, done, comparison, baselineSaved, historyFile, exitCode);
    }

    private RunComparison compare(RunReport report, Path dir, RunProgress progress, Confirmation confirmation)
            throws IOException {
        ComparisonFiles.Compared current = new ComparisonFiles.Compared(dir.toString(), report, dir);
        RunComparison first = RunComparator.compare(against.label(), against.report(), current.label(), report,
                thresholds, limits);
        List<String> regressed = RegressionConfirmation.regressedWorkloads(first);
        if (confirmation != null && !regressed.isEmpty()) {
            try {
                first = confirmation.confirm(regressed, report, first);
            } catch (IOException e) {
                progress.warning("the second run to confirm the regression failed (" + e.getMessage()
                        + "): judged on this run alone");
            }
        }
        return ComparisonFiles.write(failOnInconclusive ? first.failingOnInconclusive() : first, against, current,
                dir);
    }

    /** The home's history for the page's trend; one that cannot be read leaves the trend out, and says so. */
    private List<HistoryEntry> history(RunProgress progress) {
        try {
            return results.history().entries();
        } catch (IOException e) {
            progress.warning("report.html has no history trend, the history could not be read: " + e.getMessage());
            return List.of();
        }
    }
}
