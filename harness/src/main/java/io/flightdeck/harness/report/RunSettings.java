package io.flightdeck.harness.report;

import java.util.List;

/**
 * How the run was set up: enough to repeat it.
 *
 * @param budgets where the budgets came from: "defaults" or the file given
 */
public record RunSettings(String suite, String scale, String store, long seed, int forks, String heap, String gc,
                          boolean jfr, String jfrSettings, int coldStartOperations, int warmupIterations,
                          int measurementIterations, long iterationMillis, long timeoutSeconds, String budgets,
                          List<String> workloads, List<String> arguments, LeakCheckSettings leakChecks) {

    /**
     * The leak checks' settings, null when the run did none.
     *
     * @param workloads        the workloads checked
     * @param durationSeconds  how long each case was watched after warm-up
     * @param checkpointMillis the time between checkpoints
     */
    public record LeakCheckSettings(List<String> workloads, long durationSeconds, long checkpointMillis) {
    }
}
