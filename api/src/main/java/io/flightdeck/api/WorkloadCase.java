package io.flightdeck.api;

import java.util.Objects;

/**
 * One measured configuration of a workload.
 *
 * @param label             shown in reports and named by budgets, e.g. {@code default}, {@code size=1000}, {@code threads=4}
 * @param threads           how many threads run operations at once
 * @param size              the data size this case works on, 0 when it has none; cases with sizes get a fitted
 *                          scaling exponent in the report
 * @param opsPerIteration   0 for time-boxed iterations (the suite's iteration time); otherwise every measured
 *                          iteration runs exactly this many operations and warm-up is skipped (for workloads that
 *                          measure what N operations leave behind, like heap growth)
 */
public record WorkloadCase(String label, int threads, long size, long opsPerIteration) {

    public static final String DEFAULT_LABEL = "default";

    public WorkloadCase {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a case needs a label");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (size < 0 || opsPerIteration < 0) {
            throw new IllegalArgumentException("size and opsPerIteration must not be negative");
        }
    }

    public static WorkloadCase single() {
        return new WorkloadCase(DEFAULT_LABEL, 1, 0, 0);
    }

    public static WorkloadCase ofSize(long size) {
        return new WorkloadCase("size=" + size, 1, size, 0);
    }

    public static WorkloadCase ofThreads(int threads) {
        return new WorkloadCase("threads=" + threads, threads, 0, 0);
    }

    public static WorkloadCase ofOperations(String label, long operationsPerIteration) {
        return new WorkloadCase(label, 1, 0, operationsPerIteration);
    }

    public boolean timeBoxed() {
        return opsPerIteration == 0;
    }
}
