package io.flightdeck.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugins.annotations.Parameter;

import io.flightdeck.harness.run.ChildJvms;

/** The goals that run workloads in child JVMs: {@code run} and {@code leak-check}. */
abstract class AbstractWorkloadMojo extends AbstractFlightdeckMojo {

    /**
     * The workloads, by name (a comma-separated list on the command line: {@code -Dflightdeck.workloads=a,b}); none
     * for Flightdeck's default ones.
     */
    @Parameter(property = "flightdeck.workloads")
    List<String> workloads;

    /** Workload parameters, {@code <params><name>value</name></params>}; one no chosen workload reads is refused. */
    @Parameter
    Map<String, String> params;

    /** A budgets file replacing the built-in budgets. */
    @Parameter(property = "flightdeck.budgets")
    File budgets;

    /** The children's CPU and allocation sampler: auto, async-profiler, jfr-cpu-time or jfr. */
    @Parameter(property = "flightdeck.sampler")
    String sampler;

    /** A CPU sample per this much of a thread's CPU time, 1ms to 1s (default 20ms: the speed is measured). */
    @Parameter(property = "flightdeck.cpuInterval")
    String cpuInterval;

    /** With async-profiler, an allocation sample per this many bytes allocated, 1KiB to 1GiB (default 512KiB). */
    @Parameter(property = "flightdeck.allocInterval")
    String allocInterval;

    /**
     * With async-profiler, also a wall-clock sample of every thread per this much time, 1ms to 1s, or off (the
     * default): where off-CPU time went, however short each wait.
     */
    @Parameter(property = "flightdeck.wallInterval")
    String wallInterval;

    /** Extra JVM flags for every child, split as a shell would, e.g. {@code -XX:+UseParallelGC -Dkey='a b'}. */
    @Parameter(property = "flightdeck.jvmArgs")
    String jvmArgs;

    /** The children's heap (-Xms and -Xmx), e.g. 512m. */
    @Parameter(property = "flightdeck.heap")
    String heap;

    /** Leave the result out of the history in the home folder. */
    @Parameter(property = "flightdeck.noHistory", defaultValue = "false")
    boolean noHistory;

    /** The workload names: a property given as "a, b" or a list element "a,b" is split. */
    List<String> workloadNames() {
        return workloads == null ? List.of() : workloads.stream()
                .flatMap(w -> Arrays.stream(w.split(",")))
                .map(String::strip)
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** The parameters in the pom's order. */
    Map<String, String> parameters() {
        return params == null ? Map.of() : new LinkedHashMap<>(params);
    }

    Path budgetsFile() {
        return budgets == null ? null : budgets.toPath();
    }

    /** The children's sampler and flags; the java is Maven's, the class path the project's. */
    ChildJvms.Builder childJvm() {
        return ChildJvms.builder().sampler(sampler).cpuInterval(cpuInterval).allocInterval(allocInterval)
                .wallInterval(wallInterval).jvmArgs(ChildJvms.splitFlags(jvmArgs));
    }

    /** The parameters of both goals, as the report records them. */
    GoalArguments arguments(String goal) {
        return new GoalArguments(goal).add("workloads", workloadNames()).add("params", parameters())
                .add("budgets", budgets).add("sampler", sampler).add("cpuInterval", cpuInterval)
                .add("allocInterval", allocInterval).add("wallInterval", wallInterval).add("jvmArgs", jvmArgs)
                .add("heap", heap)
                .add("noHistory", noHistory);
    }
}
