package io.flightdeck.harness.report;

import java.time.Instant;
import java.util.List;

import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.harness.env.Environment;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.env.NoiseReport;

/**
 * {@code report.json}: everything a run found, for machines. Its schema is documented in the README; a change
 * that removes or changes the meaning of a field raises {@link #SCHEMA_VERSION}.
 *
 * @param leakChecks the leak checks' verdicts with their evidence (the {@code leak-check} command, the nightly
 *                 suite); empty when none ran
 * @param verdict  {@code passed} when every workload ran, no budget failed, no leak was found and (for a run
 *                 compared with a baseline) nothing regressed, and its baseline and history were saved; else
 *                 {@code failed}
 * @param exitCode what the command exited with: 0 passed, 1 a check failed, 2 a baseline or history record could
 *                 not be written
 */
public record RunReport(int schemaVersion, String tool, String runId, Instant startedAt, Instant finishedAt,
                        double durationSeconds, RunSettings settings, Environment environment, NoiseReport noise,
                        List<WorkloadReport> workloads, List<BudgetVerdict> budgets, List<LeakCheckReport> leakChecks,
                        String verdict, int exitCode) {

    public static final int SCHEMA_VERSION = 1;

    public RunReport {
        leakChecks = leakChecks == null ? List.of() : List.copyOf(leakChecks); // reports from before leak checks
    }
    /**
     * This report with the run's final exit code, as a run that went on to compare itself with a baseline, or to
     * save a baseline or its history, ends: a run whose steps after the measurement failed did not pass.
     */
    public RunReport withExitCode(int finalExitCode) {
        return new RunReport(schemaVersion, tool, runId, startedAt, finishedAt, durationSeconds, settings, environment,
                noise, workloads, budgets, leakChecks, finalExitCode == 0 ? PASSED : FAILED, finalExitCode);
    }

    /** This report under another id: a shared results store's, when another machine's run took this one's first. */
    public RunReport withRunId(String id) {
        return new RunReport(schemaVersion, tool, id, startedAt, finishedAt, durationSeconds, settings, environment,
                noise, workloads, budgets, leakChecks, verdict, exitCode);
    }

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
}
