package io.flightdeck.harness.report;

import java.util.List;

import io.flightdeck.harness.measure.ScalingFit;

/**
 * One workload of a run.
 *
 * @param status  {@code passed} or {@code failed} (a fork failed: see {@link ForkReport#failure()})
 * @param failure the first failed fork's reason, null when none failed
 * @param scaling for workloads whose cases have sizes: how the median grows with size, else null
 */
public record WorkloadReport(String name, String description, String operationUnit, String status, String failure,
                             List<ForkReport> forks, List<CaseReport> cases, ScalingFit scaling) {
}
