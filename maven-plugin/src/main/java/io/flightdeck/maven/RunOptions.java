package io.flightdeck.maven;

/**
 * A profiling run ({@code flightdeck run}). A null is "Flightdeck's default" (the suite's, for the counts).
 *
 * @param child the workloads and their JVMs
 * @param suite quick, standard or nightly
 * @param forks JVMs per workload
 * @param warmup warm-up iterations per case
 * @param iterations measured iterations per case
 * @param iterationMillis length of an iteration
 * @param timeoutSeconds time limit per child JVM
 * @param baseline the saved baseline to compare against
 * @param saveBaseline save this run as a baseline of this name
 * @param regressionLimit worse than the baseline by more than this is a regression, e.g. 10%
 * @param noConfirm fail on a regression without running the regressed workloads again
 */
record RunOptions(ChildOptions child, String suite, Integer forks, Integer warmup, Integer iterations,
                  Long iterationMillis, Long timeoutSeconds, String baseline, String saveBaseline,
                  String regressionLimit, boolean noConfirm) {
}
