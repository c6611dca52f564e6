package io.flightdeck.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.flightdeck.harness.ab.AbOptions;
import io.flightdeck.harness.ab.BuildRecipe;
import io.flightdeck.harness.ab.RevisionBuilds;
import io.flightdeck.harness.run.ChildJvms;
import io.flightdeck.harness.run.LeakCheckOptions;

/**
 * A same-machine A/B comparison ({@code flightdeck ab}): this module of the working tree against a base commit,
 * both built (the base in a cached git worktree, with this Maven and JDK) and run interleaved round by round until
 * every metric is decided or {@code maxTime} is up. A regression is a failed check. Run it in the module that holds
 * the workloads; it builds that module with everything it needs ({@code -pl MODULE -am}) from the repository's top.
 */
@Mojo(name = "ab", threadSafe = false, aggregator = true)
public class AbMojo extends AbstractFlightdeckMojo {

    /** The base: a commit, branch or tag. */
    @Parameter(property = "flightdeck.base", required = true)
    String base;

    /** The head: a commit, branch or tag (default: the working tree as it is). */
    @Parameter(property = "flightdeck.head")
    String head;

    /** The workloads compared (default: the suite's). */
    @Parameter(property = "flightdeck.workloads")
    List<String> workloads;

    /** Only these cases, e.g. size=1000 (default: every case). */
    @Parameter(property = "flightdeck.cases")
    List<String> cases;

    /** Workload parameters, e.g. {@code <store>memory</store>}. */
    @Parameter
    Map<String, String> params;

    /** Whose settings the forks run with: quick (default), standard or nightly. */
    @Parameter(property = "flightdeck.suite", defaultValue = "quick")
    String suite;

    /** No round starts that would end after this, e.g. 10m. */
    @Parameter(property = "flightdeck.maxTime", defaultValue = "10m")
    String maxTime;

    /** At most this many rounds. */
    @Parameter(property = "flightdeck.maxRounds", defaultValue = "200")
    int maxRounds;

    /** The false-alarm level: the chance of calling an unchanged build regressed, over all metrics and rounds. */
    @Parameter(property = "flightdeck.alpha", defaultValue = "0.05")
    double alpha;

    /** Worse by more than this is a regression, e.g. 10%. */
    @Parameter(property = "flightdeck.regressionLimit")
    String regressionLimit;

    /** Fail on metrics still undecided at the end too, not only on a regression. */
    @Parameter(property = "flightdeck.failOnInconclusive", defaultValue = "false")
    boolean failOnInconclusive;

    /** Builds a checkout instead of Maven (sh -c, in the checkout). */
    @Parameter(property = "flightdeck.buildCommand")
    String buildCommand;

    /** With buildCommand: the workloads' class path in a built checkout, relative to it. */
    @Parameter(property = "flightdeck.abClasspath")
    String abClasspath;

    /** Warm-up iterations per case (default: the suite's). */
    @Parameter(property = "flightdeck.warmup")
    Integer warmup;

    /** Measured iterations per case (default: the suite's). */
    @Parameter(property = "flightdeck.iterations")
    Integer iterations;

    /** Child heap (default: the suite's). */
    @Parameter(property = "flightdeck.heap")
    String heap;

    /**
     * Both forks of a round at the same time, each pinned to half of the CPUs (taskset); noisier on 2 cores
     * (docs/ab.md).
     */
    @Parameter(property = "flightdeck.duet", defaultValue = "false")
    boolean duet;

    /** Extra flags for every child JVM. */
    @Parameter(property = "flightdeck.jvmArgs")
    String jvmArgs;

    @Override
    boolean needsProjectClassPath() {
        return false; // both sides are built from their own checkouts
    }

    @Override
    FlightdeckInvocation.Outcome invoke(FlightdeckInvocation flightdeck) throws IOException {
        return flightdeck.ab(options());
    }

    AbOptions options() {
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path top = RevisionBuilds.repositoryRoot(basedir);
        String module = top.relativize(basedir).toString();
        return new AbOptions(basedir, base, head, new BuildRecipe(buildCommand, abClasspath,
                module.isEmpty() ? "." : module, BuildRecipe.currentMaven()), suite, workloads == null ? List.of() : workloads,
                cases == null ? List.of() : cases, params == null ? Map.of() : params, 42, warmup, iterations, null,
                heap, null, null, ChildJvms.splitFlags(jvmArgs), alpha, regressionLimit,
                LeakCheckOptions.parseDuration("maxTime", maxTime), maxRounds, new Random().nextLong(), duet,
                failOnInconclusive, outputDirectory.toPath().resolve("ab").resolve(String.valueOf(
                System.currentTimeMillis())), home.toPath());
    }
}
