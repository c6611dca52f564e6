package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.flightdeck.api.Workload;
import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.check.RegressionLimit;
import io.flightdeck.harness.compare.ChangeThresholds;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.RegressionConfirmation;
import io.flightdeck.harness.compare.RunComparator;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.home.RunIds;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.child.workload.WorkloadRegistry;

/**
 * A whole profiling run as a library call, in the manner of JMH's {@code Runner}: plan it, fork each workload's
 * JVMs under JFR, analyse, check the budgets, compare with a baseline (running regressed workloads again to confirm
 * a regression), save a baseline, add the run to the history, and write report.md, report.html and report.json
 * once, carrying the final verdict and exit code. What the command line's {@code run} does; it is one caller, a
 * build plugin another.
 *
 * <pre>{@code
 * RunResult result = new FlightdeckRunner(RunOptions.builder()
 *         .workloads("test-sum").forks(2).outputFolder(dir).baseline("main").build(), progress).run();
 * if (!result.passed()) { ... result.exitCode(), result.reportHtml() ... }
 * }</pre>
 */
public final class FlightdeckRunner {

    private final RunOptions options;
    private final RunProgress progress;

    public FlightdeckRunner(RunOptions options) {
        this(options, RunProgress.QUIET);
    }

    public FlightdeckRunner(RunOptions options, RunProgress progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Runs {@code options}, telling {@code progress}. */
    public static RunResult run(RunOptions options, RunProgress progress) throws IOException {
        return new FlightdeckRunner(options, progress).run();
    }

    /**
     * Checks everything about {@code options} that can be checked before a JVM starts: the suite and workloads, the
     * budgets file, the heap and collector, the parameters, the baseline (read), the home folder. {@link #run} does
     * it again first; a caller with more to prepare (a sampler to try) calls this before it.
     *
     * @throws RunInputException naming the first problem
     */
    public static void check(RunOptions options) {
        try (Prepared ignored = prepare(options)) {
            // opened to check, closed again
        } catch (IOException e) {
            // a store that fails to close was reached: that was the check
        }
    }

    /** What the options come to, checked. */
    private record Prepared(Suite base, List<Workload> selected, List<Workload> leakChecks, Suite effective,
                            Budgets budgets, String gcFlag, Map<String, String> parameters,
                            ChangeThresholds thresholds, RunRecords records) implements AutoCloseable {

        Home home() {
            return records.home();
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }

    private static Prepared prepare(RunOptions o) {
        WorkloadRegistry registry = ChildClassPaths.registry(o.userClassPath());
        Suite base = InputChecks.suite(o.suite(), registry);
        List<Workload> selected = o.workloads().isEmpty()
                ? InputChecks.defaults(InputChecks.workloads(registry, base.workloads()), "runs in a suite")
                : InputChecks.workloads(registry, o.workloads());
        // a suite's leak checks belong to the whole suite; choosing workloads leaves them out
        List<Workload> leakChecks = o.workloads().isEmpty() ? InputChecks.workloads(registry, base.leakChecks())
                : List.of();
        Suite effective = override(o, base, selected);
        InputChecks.cases(o.cases(), selected, effective.scale());
        Budgets budgets = InputChecks.budgets(o.budgetsFile(), registry);
        String gcFlag = InputChecks.gcFlag(o.gc());
        if (!o.jfr() && !leakChecks.isEmpty()) {
            throw new RunInputException("--no-jfr: suite " + base.name() + " has leak checks, which need a recording");
        }
        Map<String, String> params = InputChecks.parameters(o.orderedParameters(),
                Stream.concat(selected.stream(), leakChecks.stream()).toList());
        InputChecks.baselineName("--save-baseline", o.saveBaseline());
        InputChecks.baselineName("--baseline", o.baseline());
        ChangeThresholds thresholds = InputChecks.thresholds(o.regressionLimit(), o.busyCores());
        return new Prepared(base, selected, leakChecks, effective, budgets, gcFlag, params, thresholds,
                RunRecords.open(o.home(), o.resultsUrl(), o.saveBaseline(), o.history(), o.baseline()));
    }

    private static boolean recordsInHome(RunOptions o) {
        return o.saveBaseline() != null || o.history();
    }

    /**
     * Runs it all and returns what came of it; a check that failed is an exit code in the result, not an exception.
     *
     * @throws RunInputException for input that cannot be run, before any JVM starts
     * @throws IOException       when the run's own files cannot be written
     */
    public RunResult run() throws IOException {
        try (Prepared p = prepare(options)) {
            return run(p);
        }
    }

    private RunResult run(Prepared p) throws IOException {
        String runId = RunIds.askedNow(p.effective().name());
        List<String> folders = new ArrayList<>(p.selected().stream().map(Workload::name).toList());
        p.leakChecks().forEach(w -> folders.add(RunLayout.leakCheckWorkload(w.name())));
        // the id claimed in the home only when the run is recorded there: no history alone leaves the home alone
        RunIds ids = recordsInHome(options) ? new RunIds(p.home()) : null;
        ChildJvm child = ChildClassPaths.childJvm(options.childJvm(), options.userClassPath(), p.home());
        try (RunFolder folder = RunFolder.claim(options.outputFolder(), options.runsFolder(), runId, folders, ids)) {
            RunPlan plan = new RunPlan(folder.runId(), folder.directory(), p.effective(), p.selected(),
                    p.parameters(), options.seed(), p.gcFlag(), options.jfr(), options.jfrSettings(), false, child,
                    options.cases());
            return runIn(plan, p);
        }
    }

    private RunResult runIn(RunPlan plan, Prepared p) throws IOException {
        Path dir = plan.directory();
        LeakCheckPlan leaks = new LeakCheckPlan(p.leakChecks(), LeakCheckPlan.DEFAULT_DURATION_SECONDS,
                LeakCheckPlan.DEFAULT_CHECKPOINT_MILLIS, null, null);
        progress.runStarting(new RunProgress.RunStart(plan, p.leakChecks().size(),
                askedForks(options, p.base())));
        try (RunInterruption interruption = ProfilingRun.watch(plan)) {
            RunReport report = new ProfilingRun(options.wholeJvm()).measure(plan, leaks, p.budgets(),
                    options.arguments(), progress);
            progress.runFinished(report, dir);
            List<RegressionLimit> limits = options.regressionLimit() != null ? List.of() : p.budgets().regressions();
            RunCompletion completion = new RunCompletion(options.baseline(), p.records().against(), p.thresholds(),
                    limits, options.failOnInconclusive(), options.saveBaseline(), options.history(),
                    p.records().results());
            return completion.complete(report, dir, interruption, progress, options.confirm()
                    ? (regressed, measured, first) -> confirm(plan, p, regressed, measured, limits) : null);
        }
    }

    /**
     * Runs the regressed workloads again, as they ran, into the run folder's confirmation folder, and compares again
     * with both runs' forks counted: a regression that was a slow spell of the machine does not survive it.
     */
    private RunComparison confirm(RunPlan plan, Prepared p, List<String> regressed, RunReport report,
                                  List<RegressionLimit> limits) throws IOException {
        Path again = RunLayout.confirmationFolder(plan.directory());
        RunLayout.clearPreviousRun(again, regressed);
        List<Workload> workloads = plan.workloads().stream().filter(w -> regressed.contains(w.name())).toList();
        Suite s = plan.suite();
        // as many JVMs as a baseline has: for every JVM of both runs to land on a slow speed by chance is then rare
        int forksAgain = Math.max(s.forks(), RunComparator.MIN_BASELINE_FORKS);
        Suite subset = new Suite(s.name(), s.description(), s.scale(), s.coldStartOperations(), s.warmupIterations(),
                s.measurementIterations(), s.iterationMillis(), forksAgain, s.heap(), s.timeoutSeconds(), regressed,
                List.of());
        progress.confirming(options.baseline(), regressed, forksAgain, again);
        RunPlan second = new RunPlan(plan.runId() + "-" + RunLayout.CONFIRMATION, again, subset, workloads,
                plan.parameters(), plan.seed(), plan.gc(), plan.jfr(), plan.jfrSettings(), false, plan.child(),
                plan.cases());
        RunReport secondReport = new ProfilingRun(options.wholeJvm()).execute(second, LeakCheckPlan.NONE,
                p.budgets(), options.arguments(), progress);
        ComparisonFiles.Compared against = p.records().against();
        return RegressionConfirmation.confirm(against.label(), against.report(), plan.directory().toString(), report,
                secondReport, forksAgain, regressed, p.thresholds(), limits);
    }

    private static Suite override(RunOptions o, Suite s, List<Workload> selected) {
        InputChecks.heap(o.heap());
        return new Suite(s.name(), s.description(), s.scale(),
                o.coldStartOperations() != null ? o.coldStartOperations() : s.coldStartOperations(),
                o.warmupIterations() != null ? o.warmupIterations() : s.warmupIterations(),
                o.measurementIterations() != null ? o.measurementIterations() : s.measurementIterations(),
                o.iterationMillis() != null ? o.iterationMillis() : s.iterationMillis(), forks(o, s),
                o.heap() != null ? o.heap() : s.heap(), o.timeoutSeconds() != null ? o.timeoutSeconds()
                : s.timeoutSeconds(), selected.stream().map(Workload::name).toList(), s.leakChecks());
    }

    /**
     * The forks each workload runs: the option's, else the suite's; a run saved as a baseline at least
     * {@link RunComparator#MIN_BASELINE_FORKS}, since later runs are judged against the spread of its JVMs.
     */
    private static int forks(RunOptions o, Suite s) {
        return o.saveBaseline() == null ? askedForks(o, s)
                : Math.max(askedForks(o, s), RunComparator.MIN_BASELINE_FORKS);
    }

    private static int askedForks(RunOptions o, Suite s) {
        return o.forks() != null ? o.forks() : s.forks();
    }
}
