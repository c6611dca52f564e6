package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flightdeck.api.Workload;
import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.home.RunIds;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.results.ResultsStore;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.harness.suite.Suites;
import io.flightdeck.child.workload.WorkloadRegistry;

/**
 * A leak check as a library call: does the live heap grow while a workload runs, and if so what holds it. Each
 * workload runs in its own JVM under JFR with old-object sampling; the run folder's report says which held, and the
 * check is added to the history. What the command line's {@code leak-check} does.
 *
 * <pre>{@code
 * RunResult r = new LeakCheckRunner(LeakCheckOptions.builder().workloads("leak-mixed").durationSeconds(30)
 *         .outputFolder(dir).build(), progress).run();
 * }</pre>
 */
public final class LeakCheckRunner {

    private final LeakCheckOptions options;
    private final RunProgress progress;

    public LeakCheckRunner(LeakCheckOptions options) {
        this(options, RunProgress.QUIET);
    }

    public LeakCheckRunner(LeakCheckOptions options, RunProgress progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The home folder the check will use, checked (writable when the check goes into the history). */
    public static Home home(LeakCheckOptions options) {
        return options.history() ? HomeFolders.writable(options.home(), "the check could not be added to the history "
                + "(--no-history leaves it out)") : HomeFolders.home(options.home());
    }

    /** Checks the options against the workloads, budgets and home folder, before any JVM starts. */
    public static void check(LeakCheckOptions options) {
        WorkloadRegistry registry = ChildClassPaths.registry(options.userClassPath());
        List<Workload> selected = selected(registry, options);
        InputChecks.budgets(options.budgetsFile(), registry);
        InputChecks.heap(options.heap());
        InputChecks.parameters(options.orderedParameters(), selected);
        InputChecks.gcFlag(options.gc());
        home(options);
        reachStore(options);
    }

    /** The results store, reached and closed again: one that cannot be must not cost a whole check to find out. */
    private static void reachStore(LeakCheckOptions options) {
        if (options.history()) {
            RunSources.closeQuietly(HomeFolders.results(options.home(), options.resultsUrl(), null));
        }
    }

    private static List<Workload> selected(WorkloadRegistry registry, LeakCheckOptions options) {
        return options.workloads().isEmpty()
                ? InputChecks.defaults(registry.leakCheckDefaults(), "is leak-checked by default")
                : InputChecks.workloads(registry, options.workloads());
    }

    /**
     * Runs the checks, adds them to the history, and writes the reports once with the final exit code.
     *
     * @throws RunInputException for input that cannot be run, before any JVM starts
     */
    public RunResult run() throws IOException {
        WorkloadRegistry registry = ChildClassPaths.registry(options.userClassPath());
        List<Workload> selected = selected(registry, options);
        LeakCheckPlan checks = options.plan(selected);
        Budgets budgets = InputChecks.budgets(options.budgetsFile(), registry);
        InputChecks.heap(options.heap());
        Map<String, String> params = InputChecks.parameters(options.orderedParameters(), selected);
        String gcFlag = InputChecks.gcFlag(options.gc());
        Home home = home(options);
        reachStore(options);
        ChildJvm child = ChildClassPaths.childJvm(options.childJvm(), options.userClassPath(), home);
        String runId = RunIds.askedNow("leak-check");
        try (RunFolder folder = RunFolder.claim(options.outputFolder(), options.runsFolder(), runId,
                selected.stream().map(w -> RunLayout.leakCheckWorkload(w.name())).toList(),
                options.history() ? new RunIds(home) : null)) {
            Path dir = folder.directory();
            Suite base = InputChecks.suite(Suites.DEFAULT, registry);
            Suite suite = new Suite("leak-check", "leak checks", base.scale(), 0, LeakCheckPlan.WARMUP_ITERATIONS,
                    checks.iterations(), options.checkpointMillis(), 1, options.heap(), base.timeoutSeconds(),
                    List.of(), selected.stream().map(Workload::name).toList());
            RunPlan plan = new RunPlan(folder.runId(), dir, suite, List.of(), params, options.seed(), gcFlag, true,
                    "profile", true, child);
            progress.leakCheckStarting(plan, checks);
            try (RunInterruption interruption = ProfilingRun.watch(plan)) {
                RunReport report = new ProfilingRun().measure(plan, checks, budgets, options.arguments(), progress);
                progress.runFinished(report, dir);
                int exitCode = report.exitCode();
                String historyFile = null;
                if (options.history()) {
                    try (ResultsStore results = HomeFolders.results(options.home(), options.resultsUrl(),
                            "the check could not be added to the history (--no-history leaves it out)")) {
                        HomeRecords.Outcome added = HomeRecords.appendHistory(progress, results, report, dir);
                        historyFile = added.where();
                        exitCode = Math.max(exitCode, added.exitCode());
                    } catch (RunInputException e) { // the database went away during the check
                        progress.problem("the check was not added to the history: " + e.getMessage());
                        exitCode = Math.max(exitCode, ExitCode.USAGE);
                    }
                }
                RunReport done = report.withExitCode(exitCode);
                ProfilingRun.writeReports(interruption, done, dir, null, List.of());
                return new RunResult(dir, done, null, null, historyFile, exitCode);
            }
        }
    }
}
