package io.flightdeck.maven;

import java.io.IOException;
import java.nio.file.Path;

import io.flightdeck.harness.run.ChildJvms;
import io.flightdeck.harness.run.CompareOptions;
import io.flightdeck.harness.run.Comparisons;
import io.flightdeck.harness.run.FlightdeckRunner;
import io.flightdeck.harness.run.JmhOptions;
import io.flightdeck.harness.run.JmhRunner;
import io.flightdeck.harness.run.LeakCheckOptions;
import io.flightdeck.harness.run.LeakCheckRunner;
import io.flightdeck.harness.run.RunInputException;
import io.flightdeck.harness.run.RunOptions;
import io.flightdeck.harness.run.RunResult;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.workload.UserClassPath;

/**
 * The plugin's one way into Flightdeck: every goal's work is done by the harness's run library, in Maven's JVM,
 * through this class. It puts in what every goal shares (the home, where results go, the project's class path) and
 * resolves the children's JVM between the library's checks and the run, as the command line does.
 *
 * <p>The project's class path is the user class path: Flightdeck reads the project's workloads through a class loader
 * of their own, and each child JVM runs on exactly the project's class path plus Flightdeck's child runtime
 * (relocated libraries), never the plugin's dependencies.
 */
final class FlightdeckInvocation {

    /**
     * What a goal ended with.
     *
     * @param exitCode  Flightdeck's exit code: 0 every check held, 1 a check failed, 2 a step the user can put right
     *                  failed (a history or baseline not written)
     * @param errorLine the last problem Flightdeck reported (its one line on exit code 2), or null
     * @param folder    the run or comparison folder
     */
    record Outcome(int exitCode, String errorLine, Path folder) {
    }

    private final Path home;
    /** The results store's URL, or null for FLIGHTDECK_RESULTS_URL, else the home's files (as the command line). */
    private final String resultsUrl;
    private final Path outputDirectory;
    private final UserClassPath projectClassPath;
    private final MavenLogProgress progress;

    /**
     * @param home             where baselines and the history live (and baselines' stacks, with a results store)
     * @param resultsUrl       a results store's URL, or null
     * @param outputDirectory  where run folders ({@code runs/<run-id>}) and comparisons ({@code compare/<id>}) go
     * @param projectClassPath the project's classes and dependencies, on which its workloads run; null for the
     *                         plugin's own (a project with nothing compiled)
     */
    FlightdeckInvocation(Path home, String resultsUrl, Path outputDirectory, UserClassPath projectClassPath,
                         MavenLogProgress progress) {
        this.home = home;
        this.resultsUrl = resultsUrl == null || resultsUrl.isBlank() ? null : resultsUrl;
        this.outputDirectory = outputDirectory;
        this.projectClassPath = projectClassPath;
        this.progress = progress;
    }

    /** A run ({@code flightdeck run}): the options checked, then the children's JVM resolved, then the run. */
    Outcome run(RunOptions.Builder given, ChildJvms.Builder children) throws IOException {
        RunOptions options = given.home(home).resultsUrl(resultsUrl).runsFolder(outputDirectory.resolve("runs"))
                .userClassPath(projectClassPath).build();
        FlightdeckRunner.check(options); // before the sampler is tried, which starts a JVM
        ChildJvm child = children(children).recording(options.jfr()).resolve(progress);
        RunResult result = FlightdeckRunner.run(options.toBuilder().childJvm(child).build(), progress);
        return outcome(result.exitCode(), result.folder());
    }

    /** A leak check ({@code flightdeck leak-check}), in the same order. */
    Outcome leakCheck(LeakCheckOptions.Builder given, ChildJvms.Builder children) throws IOException {
        LeakCheckOptions options = given.home(home).resultsUrl(resultsUrl).runsFolder(outputDirectory.resolve("runs"))
                .userClassPath(projectClassPath).build();
        LeakCheckRunner.check(options);
        ChildJvm child = children(children).recording(true).resolve(progress);
        RunResult result = new LeakCheckRunner(options.toBuilder().childJvm(child).build(), progress).run();
        return outcome(result.exitCode(), result.folder());
    }

    /**
     * The project's JMH benchmarks ({@code flightdeck jmh}): its JMH runs them on the project's class path, which
     * must hold JMH and the benchmarks compiled with JMH's annotation processor.
     */
    Outcome jmh(JmhOptions.Builder given, ChildJvms.Builder children) throws IOException {
        if (projectClassPath == null) {
            throw new RunInputException("the project has no compiled classes: nothing holds its JMH benchmarks");
        }
        JmhOptions options = given.home(home).resultsUrl(resultsUrl).runsFolder(outputDirectory.resolve("runs"))
                .classPath(projectClassPath.entries()).build();
        JmhRunner.check(options);
        ChildJvm forks = children.home(home).recording(true).resolve(progress);
        RunResult result = new JmhRunner(options.toBuilder().childJvm(forks).build(), progress).run();
        return outcome(result.exitCode(), result.folder());
    }

    /** A comparison ({@code flightdeck compare A B}). */
    Outcome compare(CompareOptions.Builder given) {
        Comparisons.Result result = Comparisons.compare(given.home(home).resultsUrl(resultsUrl)
                .comparesFolder(outputDirectory.resolve("compare")).build(), progress);
        if (result.page() != null) {
            progress.info("report: " + result.page().toUri());
        }
        return outcome(result.exitCode(), result.folder());
    }

    /** A same-machine A/B comparison ({@code flightdeck ab}). */
    Outcome ab(io.flightdeck.harness.ab.AbOptions options) throws IOException {
        if (resultsUrl != null) { // set for the whole plugin, as the environment's variable would be: not an error
            progress.info("resultsUrl is not used: ab keeps no results in a store (its verdict is its output)");
        }
        io.flightdeck.harness.ab.AbRunner.AbResult result = io.flightdeck.harness.ab.AbRunner.run(options, progress);
        progress.info("comparison: " + result.folder().resolve(io.flightdeck.harness.ab.AbRunner.AB_MD));
        return outcome(result.exitCode(), result.folder());
    }

    private ChildJvms.Builder children(ChildJvms.Builder given) {
        return given.home(home).userClassPath(projectClassPath);
    }

    private Outcome outcome(int exitCode, Path folder) {
        return new Outcome(exitCode, progress.lastProblem(), folder);
    }
}
