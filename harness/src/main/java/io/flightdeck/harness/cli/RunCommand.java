package io.flightdeck.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.check.RegressionLimit;
import io.flightdeck.harness.compare.ChangeThresholds;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.RegressionConfirmation;
import io.flightdeck.harness.compare.RunComparator;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.harness.home.BaselineStore;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.home.RunIds;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.leak.LeakCheckRun;
import io.flightdeck.harness.report.ReportParameters;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.run.ProfilingRun;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.harness.suite.Suites;
import io.flightdeck.harness.text.TerminalText;
import io.flightdeck.api.Workload;
import io.flightdeck.child.workload.WorkloadRegistry;

/** {@code flightdeck run}: a profiling run of a suite, or of chosen workloads, with budget verdicts. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run workloads, each in its own JVM under Java Flight Recorder; measure latency, resources "
                + "and footprints; check budgets; write report.json, report.md and a folder per workload.",
                "Exit code 0 when every check held, 1 when a budget failed or a workload failed, 2 on bad input."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "NAME", description = "quick (default), standard or nightly")
    String suite = Suites.DEFAULT;

    @Option(names = {"-w", "--workload"}, paramLabel = "NAME",
            description = "run only this workload (repeatable); `list` shows them")
    List<String> workloads = new ArrayList<>();

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

    @Option(names = "--save-baseline", paramLabel = "NAME",
            description = "save this run as baseline NAME in the home folder (replacing one of that name)")
    String saveBaseline;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "compare this run against saved baseline NAME; a regression exits 1")
    String baseline;

    @Option(names = "--regression-limit", paramLabel = "PCT",
            description = "worse than the baseline by more than this is a regression, for every metric (default: "
                    + "the budgets file's regressions, else 10%%)")
    String regressionLimit;

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
        WorkloadRegistry registry = childJvm.workloads(); // the user's with --classpath
        Suite base = RunInputs.suite(suite, registry);
        List<Workload> selected = workloads.isEmpty()
                ? RunInputs.defaults(RunInputs.workloads(registry, base.workloads()), "runs in a suite")
                : RunInputs.workloads(registry, workloads);
        // a suite's leak checks belong to the whole suite; choosing workloads leaves them out
        List<Workload> leakChecks = workloads.isEmpty() ? RunInputs.workloads(registry, base.leakChecks()) : List.of();
        Suite effective = override(base, selected);
        Budgets budgets = RunInputs.budgets(budgetsFile, registry);
        String gcFlag = RunInputs.gcFlag(gc);
        if (noJfr && wholeJvm) {
            throw new UsageException("--whole-jvm: --no-jfr leaves no recording to analyse");
        }
        if (noJfr && !leakChecks.isEmpty()) {
            throw new UsageException("--no-jfr: suite " + base.name() + " has leak checks, which need a recording");
        }
        Map<String, String> params = RunInputs.parameters(parameters,
                Stream.concat(selected.stream(), leakChecks.stream()).toList());
        RunInputs.baselineName("--save-baseline", saveBaseline);
        RunInputs.baselineName("--baseline", baseline);
        ChangeThresholds thresholds = RunInputs.thresholds(regressionLimit);
        Home homeFolder = saveBaseline != null || !noHistory
                ? home.writableHome(saveBaseline != null ? "the baseline could not be saved" : "the run could not be "
                + "added to the history (--no-history leaves it out)") : home.home();
        BaselineStore baselines = new BaselineStore(homeFolder);
        // read before the run: a baseline that cannot be compared against must not cost a whole run to find out
        ComparisonFiles.Compared against = baseline == null ? null : RunSources.baseline(baselines, baseline);
        String runId = RunIds.askedNow(effective.name());
        List<String> folders = new ArrayList<>(selected.stream().map(Workload::name).toList());
        leakChecks.forEach(w -> folders.add(LeakCheckRun.FOLDER + "/" + w.name()));
        // the id claimed in the home only when the run is recorded there: --no-history alone leaves the home alone
        ChildJvm child = childJvm.resolve(ChildJvmOptions.cacheRoots(homeFolder.directory()), !noJfr,
                spec.commandLine().getErr());
        RunIds ids = saveBaseline != null || !noHistory ? new RunIds(homeFolder) : null;
        try (RunFolder folder = RunFolder.claim(out, runId, folders, ids)) {
            RunPlan plan = new RunPlan(folder.runId(), folder.directory(), effective, selected, params, seed, gcFlag,
                    !noJfr, jfrSettings, false, child);
            return runIn(plan, base, leakChecks, budgets, thresholds, homeFolder, baselines, against);
        }
    }

    private int runIn(RunPlan plan, Suite base, List<Workload> leakChecks, Budgets budgets, ChangeThresholds thresholds,
                      Home homeFolder, BaselineStore baselines, ComparisonFiles.Compared against) throws IOException {
        Path dir = plan.directory();
        Suite effective = plan.suite();
        LeakCheckPlan leaks = new LeakCheckPlan(leakChecks, LeakCheckPlan.DEFAULT_DURATION_SECONDS,
                LeakCheckPlan.DEFAULT_CHECKPOINT_MILLIS, null, null);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        stdout.printf("Flightdeck: suite %s, %d workload(s)%s%s, %s -> %s%n", effective.name(),
                plan.workloads().size(), leakChecks.isEmpty() ? "" : " and " + leakChecks.size() + " leak check(s)",
                ReportParameters.suffix(plan.parameters()), noJfr ? "no recording" : "JFR " + jfrSettings, dir);
        ChildJvmOptions.print(stdout, plan.child(), plan.jfr());
        int asked = askedForks(base);
        if (effective.forks() > asked) {
            stdout.printf("%d forks a workload, not %d: a baseline needs %d JVMs or more to show how far JVMs of one"
                    + " build spread%n", effective.forks(), asked, RunComparator.MIN_BASELINE_FORKS);
        }
        stdout.flush();
        List<String> arguments = RunInputs.arguments(spec);
        RunReport report = new ProfilingRun(wholeJvm).execute(plan, leaks, budgets, arguments,
                new TerminalProgress(stdout));
        TerminalSummary.print(stdout, report, dir);
        int exitCode = report.exitCode();
        RunComparison comparison = null;
        // after the run its results are safe in its folder: what fails from here on is said, and the rest still done
        if (against != null) {
            try {
                List<RegressionLimit> limits = regressionLimit != null ? List.of() : budgets.regressions();
                ComparisonFiles.Compared current = new ComparisonFiles.Compared(dir.toString(), report, dir);
                RunComparison first = RunComparator.compare(against.label(), against.report(), current.label(),
                        report, thresholds, limits);
                List<String> regressed = RegressionConfirmation.regressedWorkloads(first);
                if (!noConfirm && !regressed.isEmpty()) {
                    try {
                        first = confirm(stdout, plan, budgets, arguments, regressed, against, report, thresholds,
                                limits);
                    } catch (IOException e) {
                        stdout.println("warning: the second run to confirm the regression failed (" + e.getMessage()
                                + "): judged on this run alone");
                    }
                }
                comparison = ComparisonFiles.write(first, against, current, dir);
                TerminalSummary.printComparison(stdout, comparison, dir);
                exitCode = Math.max(exitCode, comparison.exitCode());
            } catch (IOException e) {
                // a result that cannot be written is the user's to fix (a full disk, a read-only folder), as in
                // HomeRecords: one line on stderr naming the file, exit 2
                stdout.flush();
                stderr.println("flightdeck: the comparison with baseline " + baseline + " could not be written: "
                        + (e instanceof ResultWriteException ? e
                        : new ResultWriteException(dir.resolve(ComparisonFiles.JSON), e)).getMessage());
                stderr.flush();
                exitCode = Math.max(exitCode, ExitCodes.USAGE);
            }
        }
        if (saveBaseline != null) {
            exitCode = Math.max(exitCode, HomeRecords.saveBaseline(stdout, stderr, baselines, saveBaseline, report,
                    dir));
        }
        if (!noHistory) {
            exitCode = Math.max(exitCode, HomeRecords.appendHistory(stdout, stderr, homeFolder, report));
        }
        if (against != null || !noHistory) {
            RunInputs.rewriteReportPage(stdout, report, dir, comparison, noHistory ? null : homeFolder, exitCode);
        }
        return exitCode;
    }

    /**
     * Runs the regressed workloads again, as they ran, into the run folder's {@value RegressionConfirmation#FOLDER}
     * folder, and compares again with both runs' forks counted: a regression that was a slow spell of the machine
     * does not survive it.
     */
    private RunComparison confirm(PrintWriter stdout, RunPlan plan, Budgets budgets, List<String> arguments,
                                  List<String> regressed, ComparisonFiles.Compared against, RunReport report,
                                  ChangeThresholds thresholds, List<RegressionLimit> limits) throws IOException {
        Path again = plan.directory().resolve(RegressionConfirmation.FOLDER);
        RunFolder.clearPreviousRun(again, regressed);
        List<Workload> workloads = plan.workloads().stream().filter(w -> regressed.contains(w.name())).toList();
        Suite s = plan.suite();
        // as many JVMs as a baseline has: for every JVM of both runs to land on a slow speed by chance is then rare
        int forksAgain = Math.max(s.forks(), RunComparator.MIN_BASELINE_FORKS);
        Suite subset = new Suite(s.name(), s.description(), s.scale(), s.coldStartOperations(), s.warmupIterations(),
                s.measurementIterations(), s.iterationMillis(), forksAgain, s.heap(), s.timeoutSeconds(), regressed,
                List.of());
        stdout.printf("%nRegressed against %s: %s. Running %s again to confirm, %d forks (--no-confirm skips this)"
                + " -> %s%n", baseline, TerminalText.safe(String.join(", ", regressed)), regressed.size() == 1 ? "it" : "them", forksAgain,
                again);
        stdout.flush();
        RunPlan second = new RunPlan(plan.runId() + "-" + RegressionConfirmation.FOLDER, again, subset, workloads,
                plan.parameters(), plan.seed(), plan.gc(), plan.jfr(), plan.jfrSettings(), false, plan.child());
        RunReport secondReport = new ProfilingRun(wholeJvm).execute(second, LeakCheckPlan.NONE, budgets, arguments,
                new TerminalProgress(stdout));
        return RegressionConfirmation.confirm(against.label(), against.report(), plan.directory().toString(), report,
                secondReport, forksAgain, regressed, thresholds, limits);
    }

    private Suite override(Suite s, List<Workload> selected) {
        // the counts' ranges and --jfr-settings were checked by OptionRules before the command ran
        RunInputs.heap(heap);
        return new Suite(s.name(), s.description(), s.scale(), coldStart != null ? coldStart : s.coldStartOperations(),
                warmup != null ? warmup : s.warmupIterations(), iterations != null ? iterations : s.measurementIterations(),
                iterationMillis != null ? iterationMillis : s.iterationMillis(), forks(s),
                heap != null ? heap : s.heap(), timeout != null ? timeout : s.timeoutSeconds(),
                selected.stream().map(Workload::name).toList(), s.leakChecks());
    }

    /**
     * The forks each workload runs: the option's, else the suite's; a run saved as a baseline at least
     * {@link RunComparator#MIN_BASELINE_FORKS}, since later runs are judged against the spread of its JVMs.
     */
    private int forks(Suite s) {
        return saveBaseline == null ? askedForks(s) : Math.max(askedForks(s), RunComparator.MIN_BASELINE_FORKS);
    }

    private int askedForks(Suite s) {
        return forks != null ? forks : s.forks();
    }
}
