package io.flightdeck.harness.suite;

import java.util.List;
import java.util.Optional;

import io.flightdeck.api.Scale;
import io.flightdeck.api.Workload;
import io.flightdeck.child.workload.WorkloadRegistry;

/**
 * The built-in suites: settings only (scale, iterations, forks, heap, time limit). What they run comes from the class
 * path: every {@linkplain Workload#ordinary() ordinary} workload, in the registry's order, and for a suite with leak
 * checks, every workload that {@linkplain Workload#leakCheckByDefault() asks to be leak-checked}. {@code quick} is the
 * default.
 */
public final class Suites {

    public static final String DEFAULT = "quick";

    /**
     * A suite's settings before workloads are chosen.
     *
     * @param leakChecks whether the suite ends with leak checks of the workloads leak-checked by default
     */
    private record Settings(String name, String description, Scale scale, int coldStartOperations,
                            int warmupIterations, int measurementIterations, long iterationMillis, int forks,
                            String heap, long timeoutSeconds, boolean leakChecks) {

        Suite with(List<String> workloads, List<String> leakCheckWorkloads) {
            return new Suite(name, description, scale, coldStartOperations, warmupIterations, measurementIterations,
                    iterationMillis, forks, heap, timeoutSeconds, workloads, leakChecks ? leakCheckWorkloads : List.of());
        }
    }

    private static final List<Settings> ALL = List.of(
            new Settings("quick", "every workload at small sizes; one fork, short iterations",
                    Scale.SMALL, 10, 2, 5, 400, 1, "1g", 180, false),
            new Settings("standard", "every workload at medium sizes; 1 s iterations",
                    Scale.MEDIUM, 10, 3, 10, 1_000, 1, "2g", 900, false),
            new Settings("nightly", "larger and longer, two forks per workload, for trends; then a leak check of the "
                    + "workloads leak-checked by default",
                    Scale.LARGE, 10, 5, 15, 1_000, 2, "3g", 1_800, true));

    private Suites() {
    }

    /** The built-in suites with no workloads chosen: their settings, for listing. */
    public static List<Suite> all() {
        return ALL.stream().map(s -> s.with(List.of(), List.of())).toList();
    }

    /** The suite of this name with the registry's workloads: its ordinary ones and, if it has them, leak checks. */
    public static Optional<Suite> find(String name, WorkloadRegistry registry) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> s.with(names(registry.ordinary()), names(registry.leakCheckDefaults())));
    }

    private static List<String> names(List<Workload> workloads) {
        return workloads.stream().map(Workload::name).toList();
    }
}
