package io.flightdeck.api;

import java.util.List;
import java.util.Set;

/**
 * Something Flightdeck measures: a named operation, run in a JVM of its own under Java Flight Recorder.
 *
 * <p>Implement it for your own code and list the class in
 * {@code META-INF/services/io.flightdeck.api.Workload}; the class needs a public no-argument
 * constructor. The runner asks for the {@linkplain #cases cases} at the suite's scale, {@linkplain #open opens} a
 * session per case (setup is not measured), times every {@link Session#operation} into a histogram through
 * cold start, warm-up and measured iterations, then lets the session {@linkplain Session#report report} figures
 * of its own before closing it.
 */
public interface Workload {

    /** A stable id in kebab-case, e.g. {@code episode-creation}; what {@code run --workload} and budgets name. */
    String name();

    /** One sentence: what one operation does. */
    String description();

    /** What one operation stands for, for throughput ("episodes/s"): "episode", "step", "query", "op"... */
    default String operationUnit() {
        return "op";
    }

    /** The cases to measure at a scale, in order; most workloads have exactly one. */
    default List<WorkloadCase> cases(Scale scale) {
        return List.of(WorkloadCase.single());
    }

    /**
     * The {@code --param} names it reads from its {@link WorkloadContext}; a parameter no
     * selected workload names is refused before any JVM starts, so a typo cannot run the default silently.
     */
    default Set<String> parameterNames() {
        return Set.of();
    }

    /**
     * Checks the value of one of its {@linkplain #parameterNames parameters} as the workload will read it, before
     * any JVM starts: a value it cannot use is bad input (exit code 2), not a failed run.
     *
     * @throws IllegalArgumentException with a one-line message naming the parameter and what it takes
     */
    default void checkParameter(String name, String value) {
    }

    /**
     * The figures its sessions {@linkplain Session#report report} by name, which budgets may name besides the
     * latency metrics and throughput; a budget naming a figure its workload does not list is refused before the
     * run, so that a typo cannot switch a budget off.
     */
    default Set<String> metricNames() {
        return Set.of();
    }

    /**
     * Whether a suite runs it when no workload is named ({@code run} without {@code -w}): true, the default, for a
     * workload that measures something; false for one that exists to be caught or to fail — a planted leak, a
     * demonstration of a failure — which runs only when named.
     */
    default boolean ordinary() {
        return true;
    }

    /**
     * Whether {@code leak-check} without {@code -w}, and a suite that ends with leak checks (nightly), check it for
     * leaks: true for a workload that uses its subject as a long-running process does (a mix of operations on a
     * bounded store, whose live heap should stay flat). False by default: most workloads fill what they measure and
     * would grow without leaking. Independent of {@link #ordinary()}.
     */
    default boolean leakCheckByDefault() {
        return false;
    }

    /** Prepares one case: build data, open stores. Not measured. */
    Session open(WorkloadContext context, WorkloadCase workloadCase) throws Exception;
}
