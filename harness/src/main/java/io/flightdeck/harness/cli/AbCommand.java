package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.ab.AbOptions;
import io.flightdeck.harness.ab.AbProgress;
import io.flightdeck.harness.ab.AbRunner;
import io.flightdeck.harness.ab.AbText;
import io.flightdeck.harness.ab.BuildRecipe;
import io.flightdeck.harness.ab.Side;
import io.flightdeck.harness.run.ChildJvms;
import io.flightdeck.harness.run.InputChecks;
import io.flightdeck.harness.run.LeakCheckOptions;
import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.harness.suite.Suites;

/**
 * {@code flightdeck ab --base REF}: the working tree (or {@code --head REF}) against a base commit, both built and
 * run interleaved on this machine now ({@link AbRunner}); this reads the command line and prints the rounds.
 */
@Command(name = "ab", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two builds of this git repository on this machine, now: the base commit is built in "
                + "a cached git worktree, the head (default: the working tree) in place; then forks of both run "
                + "interleaved, one of each per round in random order, until every case and metric is decided "
                + "(an always-valid interval of the median paired ratio, wholly beyond or within the regression "
                + "limit) or --max-time is up. Writes ab.json and ab.md.",
                "Exit code 0 when nothing regressed, 1 when something did or a workload failed (or could not be "
                        + "decided, with --fail-on inconclusive), 2 on bad input or a failed build."})
public final class AbCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--base", required = true, paramLabel = "REF", description = "the base: a commit, branch or tag")
    String base;

    @Option(names = "--head", paramLabel = "REF", description = "the head (default: the working tree as it is)")
    String head;

    @Option(names = "--repo", paramLabel = "DIR", description = "a folder in the git repository (default: here)")
    Path repository = Path.of(".");

    @Option(names = "--module", paramLabel = "DIR", description = "the Maven module holding the workloads, "
            + "relative to the repository's top (default: the top)")
    String module;

    @Option(names = "--build-command", paramLabel = "CMD", description = "builds a checkout (sh -c, in it; "
            + "default: Maven, -pl MODULE -am package and the module's runtime class path); needs --classpath")
    String buildCommand;

    @Option(names = "--classpath", paramLabel = "ENTRIES", description = "the workloads' class path in a built "
            + "checkout, relative to it (default: the Maven module's classes and dependencies)")
    String classPath;

    @Option(names = {"-w", "--workload"}, paramLabel = "NAME", description = "compare this workload (repeatable; "
            + "default: the suite's)")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--case", paramLabel = "LABEL", description = "compare only this case (repeatable), e.g. "
            + "size=1000; default: every case")
    List<String> cases = new ArrayList<>();

    @Option(names = "--suite", paramLabel = "NAME", description = "whose settings the forks run with: quick "
            + "(default), standard or nightly")
    String suite = Suites.DEFAULT;

    @Option(names = "--max-time", paramLabel = "TIME", description = "no round starts that would end after this, "
            + "counted from the first round (the builds come before; the first round always runs; default 10m)")
    String maxTime = (AbOptions.DEFAULT_MAX_SECONDS / 60) + "m";

    @Option(names = "--max-rounds", paramLabel = "N", description = "at most this many rounds (default "
            + AbOptions.DEFAULT_MAX_ROUNDS + ")")
    int maxRounds = AbOptions.DEFAULT_MAX_ROUNDS;

    @Option(names = "--alpha", paramLabel = "LEVEL", description = "the false-alarm level: the chance of calling an "
            + "unchanged build regressed, over all metrics and rounds (default 0.05)")
    double alpha = AbOptions.DEFAULT_ALPHA;

    @Option(names = "--regression-limit", paramLabel = "PCT", description = "worse by more than this is a "
            + "regression (default 10%%)")
    String regressionLimit;

    @Option(names = "--fail-on", paramLabel = "WHAT", description = "regression (default), or inconclusive: exit 1 "
            + "also when a metric is still undecided at the end")
    String failOn = "regression";

    @Option(names = "--warmup", paramLabel = "N", description = "warm-up iterations per case")
    Integer warmup;

    @Option(names = "--iterations", paramLabel = "N", description = "measured iterations per case")
    Integer iterations;

    @Option(names = "--iteration-ms", paramLabel = "MS", description = "length of a time-boxed iteration")
    Long iterationMillis;

    @Option(names = "--heap", paramLabel = "SIZE", description = "child heap, -Xms and -Xmx")
    String heap;

    @Option(names = "--gc", paramLabel = "GC", description = "G1 (default), Parallel, Serial or Z")
    String gc = "G1";

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "time limit per child JVM")
    Long timeout;

    @Option(names = "--jvm-args", paramLabel = "FLAGS", description = "extra flags for every child JVM")
    String jvmArgs;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "a workload parameter (repeatable)")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", description = "data seed (default 42)")
    long seed = 42;

    @Option(names = "--order-seed", paramLabel = "N", description = "seeds the forks' order in each round "
            + "(default: random, printed)")
    Long orderSeed;

    @Option(names = "--duet", description = "run the two forks of a round at the same time, each pinned to half of "
            + "the CPUs (taskset): both meet the same moment of the machine, but each has half of it (on 2 "
            + "cores this made forks far noisier: docs/ab.md)")
    boolean duet;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "where ab.json, ab.md and the forks' files "
            + "go (default: target/flightdeck/ab/<id>)")
    Path out;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        long seconds = LeakCheckOptions.parseDuration("--max-time", maxTime);
        if (maxRounds < 1) {
            throw new UsageException("--max-rounds must be at least 1, was " + maxRounds);
        }
        if (home.resultsUrl != null) {
            throw new UsageException("--results-url: ab keeps no results in a store (its verdict is its output); the "
                    + "store is for run, leak-check, jmh, compare, export and history");
        }
        long order = orderSeed != null ? orderSeed : new java.util.Random().nextLong();
        AbOptions options = new AbOptions(repository, base, head,
                new BuildRecipe(buildCommand, classPath, module, BuildRecipe.currentMaven()), suite, workloads, cases, parameters, seed,
                warmup, iterations, iterationMillis, heap, gc, timeout, ChildJvms.splitFlags(jvmArgs), alpha,
                regressionLimit, seconds, maxRounds, order, duet,
                InputChecks.failOnInconclusive(failOn), out, home.directory);
        AbRunner.AbResult result = AbRunner.run(options, new AbProgress() {
            @Override
            public void say(String line) {
                stdout.println(line);
                stdout.flush();
            }

            @Override
            public void warning(String message) {
                stderr.println("flightdeck: warning: " + message);
                stderr.flush();
            }

            @Override
            public void forkFinished(int round, Side side, String workload, ForkOutcome outcome) {
                if (!outcome.ok()) {
                    stderr.println("flightdeck: round " + round + ", " + side.id() + " fork of " + workload
                            + " failed: " + outcome.failure());
                    stderr.flush();
                }
            }

            @Override
            public void roundFinished(int round, List<String> undecided, List<String> open, double roundSeconds) {
                stdout.println(AbText.round(round, undecided, open, roundSeconds));
                stdout.flush();
            }
        });
        stdout.println();
        stdout.print(result.text());
        stdout.println("comparison: " + result.folder().resolve(AbRunner.AB_MD));
        stdout.flush();
        return result.exitCode();
    }
}
