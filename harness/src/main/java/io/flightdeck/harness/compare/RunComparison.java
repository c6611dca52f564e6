package io.flightdeck.harness.compare;

import java.time.Instant;
import java.util.List;

/**
 * {@code comparison.json}: a run against a baseline, metric by metric, with the evidence of why a workload regressed.
 *
 * @param baseline        what was compared against
 * @param current         what was compared
 * @param thresholds      what counted as a change
 * @param sameEnvironment whether both ran on the same kind of machine (environment fingerprints); when not, a change
 *                        may be the machine's, not the code's
 * @param workloads       each workload of the current run
 * @param verdict         {@code regressed} when any metric regressed, {@code inconclusive} when none did but some
 *                        could not be judged, or when nothing could be compared at all, else {@code no regression}
 * @param exitCode        1 when regressed, or inconclusive when the gate fails on that too
 *                        ({@link #failingOnInconclusive()}), else 0
 * @param confirmation    when workloads regressed and ran again to confirm it: what ran and what still regressed
 *                        with the second run's forks counted too; null when nothing was re-run
 */
public record RunComparison(int schemaVersion, Side baseline, Side current, ChangeThresholds thresholds,
                            boolean sameEnvironment, List<WorkloadComparison> workloads, String verdict,
                            int exitCode, Confirmation confirmation) {

    public static final int SCHEMA_VERSION = 1;
    public static final String REGRESSED = "regressed";
    public static final String INCONCLUSIVE = "inconclusive";
    public static final String NO_REGRESSION = "no regression";

    /**
     * One side of the comparison.
     *
     * @param label       as the user named it: a baseline's name or a run folder
     * @param runId       the run's id
     * @param startedAt   when it ran
     * @param fingerprint its environment fingerprint
     * @param suite       the suite it ran
     * @param meanOtherCpuCores the CPU cores other processes used on average while it ran (its noise monitor);
     *                          null when its report has no noise figures, as in comparisons written before these
     * @param maxOtherCpuCores  the most they used in one sample; null likewise
     * @param recording   how its children were recorded ("JFR profile, async-profiler, CPU every 20 ms"; "no
     *                    recording"), which sets what recording cost them; null when its report does not say
     */
    public record Side(String label, String runId, Instant startedAt, String fingerprint, String suite,
                       Double meanOtherCpuCores, Double maxOtherCpuCores, String recording) {

        /** A side whose recording is not known (a comparison written before it was recorded). */
        public Side(String label, String runId, Instant startedAt, String fingerprint, String suite,
                    Double meanOtherCpuCores, Double maxOtherCpuCores) {
            this(label, runId, startedAt, fingerprint, suite, meanOtherCpuCores, maxOtherCpuCores, null);
        }

        /** Whether other processes used more than {@code busyCores} on average; false when not measured. */
        public boolean busy(double busyCores) {
            return meanOtherCpuCores != null && meanOtherCpuCores > busyCores;
        }
    }

    /**
     * @param status   {@code compared}, {@code new} (not in the baseline), {@code missing} (in the baseline, not in
     *                 this run), {@code failed} (failed on either side)
     * @param verdict  the worst of its cases' verdicts; null when not compared
     * @param why      for a regressed or inconclusive workload: the frames that gained most share and the
     *                 differential flame graphs; null otherwise
     */
    public record WorkloadComparison(String workload, String status, ChangeVerdict verdict, List<CaseComparison> cases,
                                     Why why) {
    }

    /** @param verdict the worst of its metrics' verdicts */
    public record CaseComparison(String caseLabel, ChangeVerdict verdict, List<MetricComparison> metrics) {
    }

    /**
     * The second run that a regression must survive ({@link RegressionConfirmation}).
     *
     * @param folder    where the second run's files are, relative to the comparison's folder
     * @param workloads the workloads that regressed and ran again
     * @param forks     the forks each of them ran again
     * @param confirmed those still regressed with every fork of both runs counted
     * @param failed    those that failed in the second run, so were judged on the first alone
     */
    public record Confirmation(String folder, List<String> workloads, int forks, List<String> confirmed,
                               List<String> failed) {
    }

    /**
     * The same comparison judged by a gate that fails on doubt too ({@code --fail-on inconclusive}): an inconclusive
     * verdict is a failed check, exit code 1. For a job that would rather run again on a quiet machine than let a
     * regression it could not judge pass.
     */
    public RunComparison failingOnInconclusive() {
        return INCONCLUSIVE.equals(verdict) ? new RunComparison(schemaVersion, baseline, current, thresholds,
                sameEnvironment, workloads, verdict, 1, confirmation) : this;
    }

    /** The same comparison with its confirmation recorded. */
    public RunComparison withConfirmation(Confirmation c) {
        return new RunComparison(schemaVersion, baseline, current, thresholds, sameEnvironment, workloads, verdict,
                exitCode, c);
    }

    public record MetricComparison(String metric, String unit, MetricChange change) {
    }

    /**
     * @param methods         methods that gained most share of the CPU samples (self time), largest gain first
     * @param allocationSites allocation sites that gained most share of the allocated bytes
     * @param flameGraphs     the differential flame graphs written, relative to the comparison's folder
     * @param methodTables    beside each graph, its "by method" table (HTML; the JSON has the same name in .json);
     *                        null in comparisons written before there were tables
     * @param note            what could not be shown, e.g. the baseline has no stacks for this workload; or null
     */
    public record Why(List<ShareChange> methods, List<ShareChange> allocationSites, List<String> flameGraphs,
                      List<String> methodTables, String note) {
    }
}
