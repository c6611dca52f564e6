package io.flightdeck.harness.ab;

import java.time.Instant;
import java.util.List;

import io.flightdeck.harness.compare.ChangeVerdict;
import io.flightdeck.harness.env.NoiseReport;

/**
 * ab.json: what an A/B comparison ran and what it concluded, for machines (CI jobs, the trial scripts).
 *
 * @param base           the base revision, as named and as a commit
 * @param head           the head revision
 * @param verdict        regressed, inconclusive, improved or no_change, over every workload
 * @param exitCode       what the command exits with
 * @param falseAlarmLevel the chance the comparison calls an unchanged build regressed, over all its metrics and
 *                       rounds
 * @param metricAlpha    each metric's share of it
 * @param regressionLimit worse by more than this is a regression
 * @param rounds         rounds run
 * @param stopReason     why no more ran
 * @param orderSeed      the seed of the forks' order
 * @param noise          what else used the machine's CPUs while it ran
 */
public record AbReport(int schemaVersion, String tool, Instant started, double seconds, Revision base, Revision head,
                       ChangeVerdict verdict, int exitCode, double falseAlarmLevel, double metricAlpha,
                       double regressionLimit, int rounds, StopReason stopReason, String stopText, long orderSeed,
                       Settings settings, NoiseReport noise, List<AbRounds.WorkloadOutcome> workloads) {

    public static final int SCHEMA_VERSION = 1;

    /** A built revision as the report names it. */
    public record Revision(String ref, String commit, boolean workingTree, boolean cachedBuild) {
    }

    /** The settings every fork ran with. */
    public record Settings(String suite, String scale, int warmupIterations, int measurementIterations,
                           long iterationMillis, String heap, String gc, long seed, List<String> jvmArgs,
                           String buildCommand, String module, long maxSeconds, int maxRounds, boolean duet) {
    }
}
