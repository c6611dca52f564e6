package io.flightdeck.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code run} and {@code leak-check} have in common: the workloads, their parameters and budgets, how their
 * child JVMs start, and whether the history keeps the result. A null is "Flightdeck's default".
 *
 * @param workloads workload names; empty for the default ones
 * @param parameters workload parameters ({@code --param KEY=VALUE})
 * @param budgets a budgets file replacing the built-in one
 * @param sampler auto, async-profiler, jfr-cpu-time or jfr
 * @param jvmArgs extra flags for every child, split as a shell would
 * @param heap the children's heap, e.g. 512m
 * @param noHistory leave the result out of the home's history
 */
record ChildOptions(List<String> workloads, Map<String, String> parameters, Path budgets, String sampler,
                    String jvmArgs, String heap, boolean noHistory) {

    ChildOptions {
        workloads = List.copyOf(workloads);
        parameters = Map.copyOf(parameters);
    }
}
