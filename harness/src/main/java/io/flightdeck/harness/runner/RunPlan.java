package io.flightdeck.harness.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.api.Workload;

/**
 * Everything a run will do, decided before the first JVM starts.
 *
 * @param runId      names the run's folder
 * @param directory  the run's folder
 * @param suite      the suite's settings (iterations, forks, heap... possibly overridden on the command line)
 * @param workloads  what runs, in order
 * @param parameters handed to every workload, e.g. store=sqlite
 * @param seed       data seed
 * @param gc         the child's collector flag, e.g. -XX:+UseG1GC
 * @param jfr        false runs the children without a recording (to measure what recording costs)
 * @param jfrSettings the JFR settings file: "profile" or "default" or a path
 * @param leakCheck  the children watch their live heap ({@link io.flightdeck.child.Checkpoint}s) and the
 *                   recording keeps the old objects' paths to GC roots: a leak check, not a profiling run
 * @param child      the children's java, extra JVM flags and sampler
 * @param cases      the labels of the cases to run, of whichever workload has them; empty for every case
 */
public record RunPlan(String runId, Path directory, Suite suite, List<Workload> workloads,
                      Map<String, String> parameters, long seed, String gc, boolean jfr, String jfrSettings,
                      boolean leakCheck, ChildJvm child, List<String> cases) {

    /** A plan that runs every case of its workloads. */
    public RunPlan(String runId, Path directory, Suite suite, List<Workload> workloads, Map<String, String> parameters,
                   long seed, String gc, boolean jfr, String jfrSettings, boolean leakCheck, ChildJvm child) {
        this(runId, directory, suite, workloads, parameters, seed, gc, jfr, jfrSettings, leakCheck, child, List.of());
    }

    /** A plan whose children run on this JDK with JFR's own samples and no extra flags. */
    public RunPlan(String runId, Path directory, Suite suite, List<Workload> workloads, Map<String, String> parameters,
                   long seed, String gc, boolean jfr, String jfrSettings, boolean leakCheck) {
        this(runId, directory, suite, workloads, parameters, seed, gc, jfr, jfrSettings, leakCheck,
                ChildJvm.defaults());
    }

    public RunPlan {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(suite, "suite");
        // the command line refuses these with its own messages; a caller of the library gets them here, not a
        // child JVM that runs no iteration or none at all
        require(suite.forks() >= 1, "forks must be at least 1, was " + suite.forks());
        require(suite.measurementIterations() >= 1, "iterations must be at least 1, was "
                + suite.measurementIterations());
        require(suite.warmupIterations() >= 0, "warm-up iterations must not be negative, was "
                + suite.warmupIterations());
        require(suite.coldStartOperations() >= 0, "cold-start operations must not be negative, was "
                + suite.coldStartOperations());
        require(suite.iterationMillis() >= 1, "an iteration must last at least 1 ms, was " + suite.iterationMillis());
        require(suite.timeoutSeconds() >= 1, "the time limit must be at least 1 s, was " + suite.timeoutSeconds());
        workloads = List.copyOf(workloads);
        parameters = Map.copyOf(parameters);
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("run plan: " + problem);
        }
    }
}
