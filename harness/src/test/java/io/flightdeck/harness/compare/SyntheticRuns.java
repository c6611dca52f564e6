package io.flightdeck.harness.compare;

import io.flightdeck.harness.report.RunReport;

/** Made-up runs for tests outside this package: one workload, one case, ten iterations of five forks. */
public final class SyntheticRuns {

    private SyntheticRuns() {
    }

    /**
     * @param meanNanos  each iteration's mean latency, give or take 2 %
     * @param otherCores the CPU cores other processes used while it ran (its noise monitor's mean and max)
     */
    public static RunReport run(double meanNanos, double otherCores) {
        return RunComparatorTest.run(meanNanos, 100, otherCores);
    }
}
