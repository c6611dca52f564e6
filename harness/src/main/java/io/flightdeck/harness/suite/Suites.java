package io.flightdeck.harness.suite;

import java.util.List;
import java.util.Optional;

import io.flightdeck.api.Scale;

/** The built-in suites. {@code quick} is the default: the whole run fits in about three minutes on 2 cores. */
public final class Suites {

    public static final String DEFAULT = "quick";

    /** The memory engine's workloads, in the order a run shows them. */
    public static final List<String> ENGINE_WORKLOADS = List.of("episode-creation", "step-logging",
            "episode-completion", "pattern-extraction", "lifecycle", "retrieval-scaling", "concurrency",
            "memory-pressure");

    /** What a leak check checks unless told otherwise: the engine used as a long-running agent uses it. */
    public static final List<String> LEAK_CHECK_WORKLOADS = List.of("leak-mixed");

    private static final List<Suite> ALL = List.of(
            new Suite("quick", "every workload at small sizes; one fork, short iterations (under 2 minutes)",
                    Scale.SMALL, 10, 2, 5, 400, 1, "1g", 180, ENGINE_WORKLOADS, List.of()),
            new Suite("standard", "the seed's sizes (retrieval up to 100,000 episodes); 1 s iterations",
                    Scale.MEDIUM, 10, 3, 10, 1_000, 1, "2g", 900, ENGINE_WORKLOADS, List.of()),
            new Suite("nightly", "larger and longer, two forks per workload, for trends; then a leak check of "
                    + String.join(", ", LEAK_CHECK_WORKLOADS),
                    Scale.LARGE, 10, 5, 15, 1_000, 2, "3g", 1_800, ENGINE_WORKLOADS, LEAK_CHECK_WORKLOADS));

    private Suites() {
    }

    public static List<Suite> all() {
        return ALL;
    }

    public static Optional<Suite> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
