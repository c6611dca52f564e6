package io.flightdeck.harness.runner;

import io.flightdeck.api.Workload;

/** What the runner says while it works, for the terminal. */
public interface RunListener {

    default void workloadStarted(int index, int of, Workload workload, int fork, int forks) {
    }

    /** The child JVM of a fork is running as process {@code pid}. */
    default void childStarted(Workload workload, int fork, long pid) {
    }

    /** A progress line from the child: case label, phase, done/of. */
    default void progress(Workload workload, String line) {
    }

    default void forkFinished(Workload workload, ForkOutcome outcome) {
    }

    /** The workload's recordings are being analysed. */
    default void analysing(Workload workload) {
    }

    RunListener SILENT = new RunListener() {
    };
}
