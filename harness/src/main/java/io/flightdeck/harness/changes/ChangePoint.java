package io.flightdeck.harness.changes;

import java.time.Instant;

/**
 * A persistent shift in one figure's history on one environment: where it begins (the first run after it, and that
 * run's commit, the first suspect), the figure's median before and after it, and the size of the shift with its
 * interval.
 *
 * @param time       when the first run after the shift ran
 * @param runId      that run
 * @param commit     its commit, or null when it was not in a git repository
 * @param runsBefore runs in the segment before it (from the previous change point, or the start)
 * @param runsAfter  runs in the segment after it (up to the next change point, or the newest run)
 * @param before     median of the segment before
 * @param after      median of the segment after
 * @param change     the Hodges–Lehmann shift of after against before, as a fraction (0.2 = 20 % higher)
 * @param lower      low end of its 95 % interval
 * @param upper      high end of its 95 % interval
 * @param pValue     of the split's final t-test between its neighbours, Bonferroni-adjusted
 * @param worse      whether the shift is bad news (higher latency, lower throughput)
 */
public record ChangePoint(Instant time, String runId, String commit, int runsBefore, int runsAfter, double before,
                          double after, double change, double lower, double upper, double pValue, boolean worse) {
}
