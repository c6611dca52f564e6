package io.flightdeck.harness.check;

import java.util.Set;

/**
 * A metric's own regression limit, from the budgets file's {@code regressions} array: worse than the baseline by
 * more than {@code fraction} (and significantly) is a regression of that metric, instead of the default 10 %.
 *
 * @param workload  the workload
 * @param caseLabel the one case it applies to, or null for every case
 * @param metric    one of {@link #METRICS}
 * @param fraction  e.g. 0.05 for "5%"
 */
public record RegressionLimit(String workload, String caseLabel, String metric, double fraction) {

    /** The metrics a comparison judges. */
    public static final Set<String> METRICS = Set.of("mean", "p50", "p90", "p99", "throughput", "alloc-per-op");

    /** Whether it sets the limit of this metric of this case. */
    public boolean appliesTo(String workload, String caseLabel, String metric) {
        return this.workload.equals(workload) && this.metric.equals(metric)
                && (this.caseLabel == null || this.caseLabel.equals(caseLabel));
    }
}
