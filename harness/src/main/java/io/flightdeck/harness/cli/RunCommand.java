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

import io.flightdeck.harness.run.FlightdeckRunner;
import io.flightdeck.harness.run.RunOptions;
import io.flightdeck.harness.run.RunResult;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.suite.Suites;

/**
 * {@code flightdeck run}: a profiling run of a suite, or of chosen workloads, with budget verdicts. The run itself is
 * the library's ({@link FlightdeckRunner}); this reads the command line into its options and prints its progress.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run workloads, each in its own JVM under Java Flight Recorder; measure latency, resources "
                + "and footprints; check budgets; write report.json, report.md and a folder per workload.",
                "Exit code 0 when every check held, 1 when a budget failed, a workload failed or it regressed against "
                        + "--baseline (or could not be judged, with --fail-on inconclusive), 2 on bad input."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "NAME", description = "quick (default), standard or nightly")
    String suite = Suites.DEFAULT;

    @Option(names = {"-w", "--workload"}, paramLabel = "NAME",
            description = "run only this workload (repeatable); `list` shows them")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--case", paramLabel = "LABEL", description = "run only this case (repeatable), e.g. size=1000, "
            + "of whichever workload has it; default: every case")
    List<String> cases = new ArrayList<>();

    @Option(names = "--budgets", paramLabel = "FILE", description = "budgets file replacing the defaults")
    Path budgetsFile;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "run folder (default: target/flightdeck/runs/<run-id>)")
    Path out;

    @Option(names = "--forks", paramLabel = "N", description = "JVMs per workload, 1 to " + OptionRules.MAX_FORKS + " (suite's default)")
    Integer forks;

    @Option(names = "--warmup", paramLabel = "N", description = "warm-up iterations per case, 0 to " + OptionRules.MAX_WARMUP)
    Integer warmup;

    @Option(names = "--iterations", paramLabel = "N", description = "measured iterations per case, 1 to " + OptionRules.MAX_ITERATIONS)
    Integer iterations;

    @Option(names = "--iteration-ms", paramLabel = "MS", description = "length of a time-boxed iteration, 1 to "
            + OptionRules.MAX_ITERATION_MILLIS)
    Long iterationMillis;

    @Option(names = "--cold-start", paramLabel = "N", description = "operations timed one by one before warm-up, 0 to "
            + OptionRules.MAX_COLD_START)
    Integer coldStart;

    @Option(names = "--heap", paramLabel = "SIZE", description = "child heap, -Xms and -Xmx (e.g. 512m, 2g)")
    String heap;

    @Option(names = "--gc", paramLabel = "GC", description = "G1 (default), Parallel, Serial or Z")
    String gc = "G1";

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "time limit per child JVM, 1 to "
            + OptionRules.MAX_TIMEOUT_SECONDS)
    Long timeout;

    @Option(names = "--seed", paramLabel = "N", description = "data seed (default 42)")
    long seed = 42;

    @Option(names = "--no-jfr", description = "run the children without a recording (to measure what JFR costs)")
    boolean noJfr;

    @Option(names = "--jfr-settings", paramLabel = "NAME|FILE", description = "JFR settings: profile (default), default, or a .jfc file")
    String jfrSettings = "profile";

    @Option(names = "--whole-jvm",
            description = "profile each workload's whole JVM (start-up, set-up, warm-up, the harness between "
                    + "iterations); by default its analysis and flame graphs cover its measured iterations")
    boolean wholeJvm;

    @Mixin
    ChildJvmOptions childJvm;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "a workload parameter (repeatable)")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Mixin
    BaselineOptions baselines;

    @Mixin
    ComparisonGateOptions gate;

    @Option(names = "--no-confirm",
            description = "fail on a regression the run shows at once, without running the regressed workloads "
                    + "again to confirm it")
    boolean noConfirm;

    @Mixin
    HomeOption home;

    @Option(names = "--no-history", description = "do not add this run to the history in the home folder")
    boolean noHistory;

    @Override
    public Integer call() throws Exception {
        PrintWriter stderr = spec.commandLine().getErr();
        RunOptions options = options().build();
        // every input checked before the sampler is tried (which starts a JVM) and before anything is written
        FlightdeckRunner.check(options);
        ChildJvm child = childJvm.resolve(ChildJvmOptions.cacheRoots(home.home().directory()), !noJfr, stderr);
        RunResult result = FlightdeckRunner.run(options.toBuilder().childJvm(child).build(),
                new TerminalRunProgress(spec.commandLine().getOut(), stderr));
        return result.exitCode();
    }

    /** The options as the library takes them; what was not given is left to its defaults, which are these. */
    private RunOptions.Builder options() {
        RunOptions.Builder b = RunOptions.builder().suite(suite).workloads(workloads).cases(cases)
                .userClassPath(childJvm.userClassPath()).budgets(budgetsFile).outputFolder(out).heap(heap).gc(gc)
                .seed(seed).jfr(!noJfr).jfrSettings(jfrSettings).wholeJvm(wholeJvm).parameters(parameters)
                .saveBaseline(baselines.saveBaseline).baseline(baselines.baseline)
                .regressionLimit(baselines.regressionLimit).busyCores(gate.busyCores)
                .failOnInconclusive(gate.failOnInconclusive()).confirm(!noConfirm).home(home.directory).resultsUrl(home.resultsUrl)
                .history(!noHistory)
                .arguments(RunInputs.arguments(spec));
        if (forks != null) {
            b.forks(forks);
        }
        if (warmup != null) {
            b.warmupIterations(warmup);
        }
        if (iterations != null) {
            b.measurementIterations(iterations);
        }
        if (iterationMillis != null) {
            b.iterationMillis(iterationMillis);
        }
        if (coldStart != null) {
            b.coldStartOperations(coldStart);
        }
        if (timeout != null) {
            b.timeoutSeconds(timeout);
        }
        return b;
    }
}
