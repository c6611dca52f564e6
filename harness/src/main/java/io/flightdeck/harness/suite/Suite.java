package io.flightdeck.harness.suite;

import java.util.List;
import java.util.Objects;

import io.flightdeck.api.Scale;

/**
 * A named set of workloads with the settings they run under.
 *
 * @param coldStartOperations   operations timed one by one before warm-up, per case
 * @param warmupIterations      discarded time-boxed iterations per case
 * @param measurementIterations measured iterations per case
 * @param iterationMillis       length of a time-boxed iteration
 * @param forks                 child JVMs per workload
 * @param heap                  the child's -Xms/-Xmx, e.g. "1g"
 * @param timeoutSeconds        a child running longer is stopped and reported as failed
 * @param leakChecks            workloads checked for leaks after the measured ones (see
 *                              {@link io.flightdeck.harness.leak.LeakCheckRun}); empty for none
 */
public record Suite(String name, String description, Scale scale, int coldStartOperations, int warmupIterations,
                    int measurementIterations, long iterationMillis, int forks, String heap, long timeoutSeconds,
                    List<String> workloads, List<String> leakChecks) {

    public Suite {
        Objects.requireNonNull(name, "name");
        workloads = List.copyOf(workloads);
        leakChecks = List.copyOf(leakChecks);
    }
}
