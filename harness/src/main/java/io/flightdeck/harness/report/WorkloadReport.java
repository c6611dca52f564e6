package io.flightdeck.harness.report;

import java.util.List;

import io.flightdeck.harness.measure.ScalingFit;

/**
 * One workload of a run.
 *
 * @param status  {@code passed} or {@code failed} (a fork failed: see {@link ForkReport#failure()})
 * @param failure the first failed fork's reason, null when none failed
 * @param scaling for workloads whose cases have sizes: how the median grows with size, else null
 * @param profile the headline of the first fork's recording (hot methods, allocation, GC, locks), null without one
 */
public record WorkloadReport(String name, String description, String operationUnit, String status, String failure,
                             List<ForkReport> forks, List<CaseReport> cases, ScalingFit scaling,
                             ProfileHeadline profile) {

    public WorkloadReport withProfile(ProfileHeadline headline) {
        return new WorkloadReport(name, description, operationUnit, status, failure, forks, cases, scaling, headline);
    }
}
