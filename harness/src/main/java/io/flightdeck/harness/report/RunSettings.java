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
                          List<String> workloads, List<String> arguments) {
}
