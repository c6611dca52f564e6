package io.flightdeck.harness.run;

import java.nio.file.Path;
import java.util.List;

import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

/**
 * What a run ended with, everything done: the reports written (once, with the final exit code), the comparison
 * and its confirmation, the baseline and the history.
 *
 * @param folder        the run folder, absolute (its files: {@link RunLayout})
 * @param report        the run's report as report.json holds it, its verdict and exit code the final ones
 * @param comparison    the comparison with the baseline, with its confirmation when there was one; null without a
 *                      baseline, or when it could not be written
 * @param baselineSaved where the run was saved as a baseline; null when not asked, or not saved
 * @param history       the results store the run was added to (a history file, a database URL); null when not
 *                      asked, or not added
 * @param exitCode      what the command line exits with ({@link ExitCode})
 */
public record RunResult(Path folder, RunReport report, RunComparison comparison, Path baselineSaved,
                        String history, int exitCode) {

    public String runId() {
        return report.runId();
    }

    /** Each workload's outcome: its status, cases, forks and profile. */
    public List<WorkloadReport> workloads() {
        return report.workloads();
    }

    /** The second run of the regressed workloads, null when none ran. */
    public RunComparison.Confirmation confirmation() {
        return comparison == null ? null : comparison.confirmation();
    }

    /** Whether the run compared with a baseline found a regression. */
    public boolean regressed() {
        return comparison != null && RunComparison.REGRESSED.equals(comparison.verdict());
    }

    public boolean passed() {
        return exitCode == ExitCode.OK;
    }

    public Path reportJson() {
        return folder.resolve(RunLayout.REPORT_JSON);
    }

    public Path reportHtml() {
        return folder.resolve(RunLayout.REPORT_HTML);
    }
}
