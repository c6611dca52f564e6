package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.harness.check.BudgetEvaluator;
import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.check.Measurement;
import io.flightdeck.child.CaseResult;
import io.flightdeck.harness.env.Environment;
import io.flightdeck.harness.env.EnvironmentProbe;
import io.flightdeck.harness.env.NoiseMonitor;
import io.flightdeck.harness.env.NoiseReport;
import io.flightdeck.child.files.AtomicFile;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.leak.LeakCheckRun;
import io.flightdeck.harness.leak.LeakLimits;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.harness.recording.RecordingAnalyses;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.MarkdownReport;
import io.flightdeck.harness.report.ProfileHeadline;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.html.RunPage;
import io.flightdeck.harness.report.RunSettings;
import io.flightdeck.harness.report.WorkloadReport;
import io.flightdeck.harness.report.WorkloadReports;
import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.harness.runner.ForkedRunner;
import io.flightdeck.harness.runner.RunListener;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.sampler.ChildJava;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.sampler.SamplerDecision;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.api.Workload;
import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.MeasuredWindow;
import io.flightdeck.profiling.RecordingAnalyzer;
import io.flightdeck.profiling.RecordingException;

/**
 * A whole profiling run: environment, forked workloads under JFR with a noise monitor alongside, budget verdicts,
 * and the files of the run folder ({@code environment.json}, {@code report.json}, {@code report.md}).
 */
public final class ProfilingRun {

    public static final String TOOL = "flightdeck 0.1.0";
    public static final String REPORT_JSON = RunLayout.REPORT_JSON;
    public static final String REPORT_MD = RunLayout.REPORT_MD;
    public static final String REPORT_HTML = RunLayout.REPORT_HTML;
    public static final String ENVIRONMENT_JSON = RunLayout.ENVIRONMENT_JSON;
    /** Left in the run folder of a run interrupted before its reports were written (and then there are none). */
    public static final String INTERRUPTED = RunLayout.INTERRUPTED;

    private final ObjectMapper json = Json.mapper();
    private final boolean wholeJvm;

    /** A run whose workloads' profiles cover their measured iterations. */
    public ProfilingRun() {
        this(false);
    }

    /**
     * @param wholeJvm whether a workload's profile covers its whole JVM (start-up, set-up, warm-up, the harness
     *                 between iterations) rather than its measured iterations
     */
    public ProfilingRun(boolean wholeJvm) {
        this.wholeJvm = wholeJvm;
    }

    /**
     * Runs the plan and writes its reports, judged on the run alone (no comparison, no history).
     *
     * @param leakChecks the leak checks to do after the measured workloads ({@link LeakCheckPlan#NONE} for none)
     */
    public RunReport execute(RunPlan plan, LeakCheckPlan leakChecks, Budgets budgets, List<String> arguments,
                             RunListener listener) throws IOException {
        try (RunInterruption interruption = watch(plan)) {
            RunReport report = measure(plan, leakChecks, budgets, arguments, listener);
            writeReports(interruption, report, plan.directory(), null, List.of());
            return report;
        }
    }

    /** Watches the plan's run from now on: its reports are written through the watch, all or none. */
    static RunInterruption watch(RunPlan plan) throws IOException {
        Files.createDirectories(plan.directory());
        return RunInterruption.watch(plan.directory(), plan.runId(), RunLayout.REPORTS);
    }

    /**
     * Writes report.md, report.html and report.json (last: a CI job reads it, and it must never say "passed" beside
     * a missing report.md or .html), once, with whatever the run's checks after it decided already in {@code report}.
     *
     * @param comparison the comparison against a baseline, null when none
     * @param history    the home's history, this run included, for the page's trend
     */
    static void writeReports(RunInterruption interruption, RunReport report, Path dir, RunComparison comparison,
                             List<HistoryEntry> history) throws IOException {
        interruption.writeReports(() -> {
            AtomicFile.writeString(dir.resolve(RunLayout.REPORT_MD), MarkdownReport.render(report));
            RunPage.write(report, dir, comparison, history, report.exitCode());
            Json.writeAtomically(Json.mapper(), dir.resolve(RunLayout.REPORT_JSON), report);
        });
    }

    /**
     * Runs the plan: environment.json, the forks, the leak checks, the analyses and the budgets; the reports are
     * left to the caller, who may have more to judge (a comparison) before they are written.
     */
    RunReport measure(RunPlan plan, LeakCheckPlan leakChecks, Budgets budgets, List<String> arguments,
                      RunListener listener) throws IOException {
        Files.createDirectories(plan.directory());
        Instant started = Instant.now();
        Environment environment = EnvironmentProbe.probe().withChildJava(childJava(plan));
        Json.writeAtomically(json, plan.directory().resolve(RunLayout.ENVIRONMENT_JSON), environment);

        List<List<ForkOutcome>> outcomes;
        List<LeakCheckReport> leaks;
        NoiseReport noise;
        try (NoiseMonitor monitor = NoiseMonitor.start(Duration.ofSeconds(1))) {
            RunListener withNoise = new RunListener() {
                @Override
                public void workloadStarted(int index, int of, Workload workload, int fork, int forks) {
                    listener.workloadStarted(index, of, workload, fork, forks);
                }

                @Override
                public void childStarted(Workload workload, int fork, long pid) {
                    monitor.measure(pid); // the child's own CPU is the work, not noise
                    listener.childStarted(workload, fork, pid);
                }

                @Override
                public void progress(Workload workload, String line) {
                    listener.progress(workload, line);
                }

                @Override
                public void forkFinished(Workload workload, ForkOutcome outcome) {
                    listener.forkFinished(workload, outcome);
                }
            };
            outcomes = new ForkedRunner(withNoise).run(plan);
            leaks = LeakCheckRun.execute(plan, leakChecks, budgets, withNoise);
            noise = monitor.stop();
        }

        List<WorkloadReport> workloads = new ArrayList<>();
        for (int i = 0; i < plan.workloads().size(); i++) {
            WorkloadReport report = WorkloadReports.of(plan.workloads().get(i), outcomes.get(i), plan.directory());
            listener.analysing(plan.workloads().get(i));
            workloads.add(report.withProfile(analyse(plan.directory(), plan.workloads().get(i).name(), outcomes.get(i),
                    wholeJvm)));
        }
        // the leak limits are judged with their significance by the leak check, never as a plain budget
        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(budgets.without(LeakLimits.METRICS),
                measurements(workloads));
        boolean failed = workloads.stream().anyMatch(w -> RunReport.FAILED.equals(w.status()))
                || BudgetEvaluator.anyFailed(verdicts) || leaks.stream().anyMatch(LeakCheckReport::failed);
        Instant finished = Instant.now();
        RunReport report = new RunReport(RunReport.SCHEMA_VERSION, TOOL, plan.runId(), started, finished,
                Duration.between(started, finished).toMillis() / 1000.0, settings(plan, leakChecks, budgets, arguments),
                environment, noise, List.copyOf(workloads), verdicts, leaks,
                failed ? RunReport.FAILED : RunReport.PASSED, failed ? 1 : 0);
        return report;
    }

    /**
     * Analyses every fork's recording beside it (analysis.json, folded stacks, flame graphs), over its measured
     * iterations unless {@code wholeJvm}, and returns the first one's headline. A recording that cannot be
     * analysed (a child killed before JFR wrote anything readable) gives a headline that says so, not a failed run.
     */
    static ProfileHeadline analyse(Path runDir, String workload, List<ForkOutcome> forks, boolean wholeJvm) {
        return analyse(runDir, workload, forks, wholeJvm, null);
    }

    /**
     * {@link #analyse(Path, String, List, boolean)}, the files written into {@code into} (named by fork) rather than
     * beside each recording when it is given: a JMH benchmark's forks are recorded in folders of their own, and its
     * stacks must sit where a comparison looks for a workload's, {@code <run>/<workload>/}.
     */
    static ProfileHeadline analyse(Path runDir, String workload, List<ForkOutcome> forks, boolean wholeJvm,
                                   Path into) {
        ProfileHeadline first = null;
        for (ForkOutcome f : forks) {
            if (f.recording() == null) {
                continue;
            }
            ProfileHeadline headline;
            try {
                // the measured iterations the child marked, read in a cheap pass of their own
                MeasuredWindow measured = wholeJvm ? null : MeasuredWindow.read(f.recording()).orElse(null);
                Analysis analysis = RecordingAnalyzer.analyze(f.recording(),
                        AnalysisOptions.defaults().withMeasured(measured));
                String title = forks.size() > 1 ? workload + " (fork " + f.fork() + ")" : workload;
                RecordingAnalyses.Written written = RecordingAnalyses.write(into != null ? into
                        : f.recording().getParent(), analysis, f.fork(), title);
                headline = ProfileHeadline.of(analysis, relative(runDir, written.analysis()),
                        written.flameGraphs().stream().map(p -> relative(runDir, p)).toList());
            } catch (RecordingException | IOException e) {
                headline = ProfileHeadline.unavailable(e.getMessage());
            }
            if (first == null) {
                first = headline;
            }
        }
        return first;
    }

    /** A path inside the run folder as report.json gives it: relative, with forward slashes on every system. */
    private static String relative(Path runDir, Path file) {
        return runDir.relativize(file).toString().replace('\\', '/');
    }

    /** Every figure a budget can name, for every case that was measured. */
    static List<Measurement> measurements(List<WorkloadReport> workloads) {
        List<Measurement> out = new ArrayList<>();
        for (WorkloadReport w : workloads) {
            for (CaseReport c : w.cases()) {
                if (c.latency().count() > 0) {
                    for (String metric : LatencyStats.METRICS) {
                        out.add(new Measurement(w.name(), c.label(), metric, c.latency().metric(metric)));
                    }
                    out.add(new Measurement(w.name(), c.label(), "throughput", c.throughput()));
                }
                for (CaseResult.Metric m : c.metrics()) {
                    out.add(new Measurement(w.name(), c.label(), m.name(), m.value()));
                }
            }
        }
        return out;
    }

    private static RunSettings settings(RunPlan plan, LeakCheckPlan leaks, Budgets budgets, List<String> arguments) {
        Suite s = plan.suite();
        return new RunSettings(s.name(), s.scale().name().toLowerCase(Locale.ROOT),
                plan.parameters(), plan.seed(), s.forks(), s.heap(), plan.gc(),
                plan.jfr(), plan.jfr() ? plan.jfrSettings() : null, s.coldStartOperations(), s.warmupIterations(),
                s.measurementIterations(), s.iterationMillis(), s.timeoutSeconds(), budgets.source(),
                plan.workloads().stream().map(Workload::name).toList(), List.copyOf(arguments),
                leaks.workloads().isEmpty() ? null : new RunSettings.LeakCheckSettings(
                        leaks.workloads().stream().map(Workload::name).toList(), leaks.durationSeconds(),
                        leaks.checkpointMillis()), children(plan));
    }

    /** The children's java, flags and sampler as the report states them. */
    private static RunSettings.ChildSettings children(RunPlan plan) {
        ChildJvm c = plan.child();
        SamplerDecision s = c.sampler();
        return new RunSettings.ChildSettings(s.asked().id(), plan.jfr() ? s.used().id() : null,
                plan.jfr() ? s.reason() : null, c.jvmArgs(), c.java().executable().toString(), c.java().version(),
                plan.jfr() ? s.every() : null, plan.jfr() && s.pacesAllocation());
    }

    /** The children's JVM for the environment's fingerprint, when --java put them on another than this one. */
    private static Environment.ChildJava childJava(RunPlan plan) {
        ChildJava java = plan.child().java();
        return java.explicit() ? new Environment.ChildJava(java.vendor(), java.version(), java.javaHome()) : null;
    }
}
