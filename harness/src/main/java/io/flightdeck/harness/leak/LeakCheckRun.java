package io.flightdeck.harness.leak;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.harness.check.Budgets;
import io.flightdeck.child.CaseResult;
import io.flightdeck.child.Checkpoint;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.recording.RecordingAnalyses;
import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.harness.runner.ForkedRunner;
import io.flightdeck.harness.runner.RunListener;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.api.Scale;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.RecordingAnalyzer;
import io.flightdeck.profiling.RecordingException;

/**
 * Runs leak checks: each workload in its own JVM under JFR with paths to GC roots, warmed up, then watched with a
 * checkpoint after every measured iteration; its recording is analysed over the watched span and each case judged
 * by {@link LeakJudge}. Everything lands in the run folder's {@value #FOLDER}/ folder, a subfolder per workload.
 */
public final class LeakCheckRun {

    public static final String FOLDER = RunLayout.LEAK_CHECKS;
    /** Beyond warm-up and the watched span: the store's filling, the checkpoints' collections, JFR's root walk. */
    static final long TIMEOUT_SLACK_SECONDS = 300;

    private LeakCheckRun() {
    }

    /**
     * @param parent the run the checks belong to: its folder, heap, collector, seed and parameters
     */
    public static List<LeakCheckReport> execute(RunPlan parent, LeakCheckPlan checks, Budgets budgets,
                                                RunListener listener) throws IOException {
        if (checks.workloads().isEmpty()) {
            return List.of();
        }
        RunPlan plan = plan(parent, checks);
        List<List<ForkOutcome>> outcomes;
        try {
            outcomes = new ForkedRunner(listener).run(plan);
        } catch (IOException e) { // the measured workloads' results must still reach the report
            String reason = "the leak checks could not run: " + e.getMessage();
            return checks.workloads().stream().map(w -> LeakJudge.judge(w.name(), WorkloadCase.DEFAULT_LABEL, null, reason, null,
                    LeakLimits.resolve(budgets, w.name(), checks.limitBytesPerOperation(),
                            checks.limitBytesPerSecond()), LeakJudge.Files.NONE)).toList();
        }
        List<LeakCheckReport> reports = new ArrayList<>();
        for (int i = 0; i < checks.workloads().size(); i++) {
            Workload workload = checks.workloads().get(i);
            listener.analysing(workload);
            LeakLimits limits = LeakLimits.resolve(budgets, workload.name(), checks.limitBytesPerOperation(),
                    checks.limitBytesPerSecond());
            reports.addAll(judge(parent.directory(), workload, plan.suite().scale(), outcomes.get(i).get(0), limits));
        }
        return List.copyOf(reports);
    }

    /** The children's plan: one fork, no cold start, the watched span as measured iterations, checkpoints on. */
    static RunPlan plan(RunPlan parent, LeakCheckPlan checks) {
        Suite s = parent.suite();
        int cases = checks.workloads().stream().mapToInt(w -> w.cases(s.scale()).size()).max().orElse(1);
        // per case: the longest warm-up (12 iterations on a cold JVM), the watched span with its collections
        long perCase = LeakCheckPlan.WARMUP_ITERATIONS * 12L * checks.checkpointMillis() / 1000
                + checks.durationSeconds() * 2;
        long timeout = cases * perCase + TIMEOUT_SLACK_SECONDS;
        Suite suite = new Suite(s.name(), s.description(), s.scale(), 0, LeakCheckPlan.WARMUP_ITERATIONS,
                checks.iterations(), checks.checkpointMillis(), 1, s.heap(), timeout,
                checks.workloads().stream().map(Workload::name).toList(), List.of());
        return new RunPlan(parent.runId(), parent.directory().resolve(FOLDER), suite, checks.workloads(),
                parent.parameters(), parent.seed(), parent.gc(), true, parent.jfrSettings(), true, parent.child());
    }

    /** One report per case; a child that left no result for a case (it died) fails that case with its reason. */
    private static List<LeakCheckReport> judge(Path runDirectory, Workload workload, Scale scale,
                                               ForkOutcome outcome, LeakLimits limits) {
        List<CaseResult> results = outcome.result() == null ? List.of() : outcome.result().cases();
        Instant watchedFrom = results.stream().flatMap(c -> c.checkpoints().stream()).map(Checkpoint::at)
                .min(Instant::compareTo).orElse(null);
        Analysed analysed = analyse(runDirectory, workload, outcome, watchedFrom);
        List<LeakCheckReport> reports = new ArrayList<>();
        List<String> judged = new ArrayList<>();
        for (CaseResult result : results) {
            judged.add(result.label());
            reports.add(LeakJudge.judge(workload.name(), result.label(), result, outcome.failure(),
                    analysed.analysis(), limits, analysed.files()));
        }
        String filledBy = results.stream().filter(r -> r.heapFull() != null).map(CaseResult::label).findFirst()
                .orElse(null);
        for (WorkloadCase c : workload.cases(scale)) {
            if (!judged.contains(c.label())) {
                String failure = outcome.failure() != null ? outcome.failure()
                        : filledBy != null ? "not run: case " + filledBy + " left the heap full"
                        : "the JVM left no result for this case";
                reports.add(LeakJudge.judge(workload.name(), c.label(), null, failure, analysed.analysis(), limits,
                        analysed.files()));
            }
        }
        return reports;
    }

    private record Analysed(Analysis analysis, LeakJudge.Files files) {
    }

    /**
     * The recording's analysis from the first checkpoint on (the old-object samples are kept whenever they were
     * taken: an object allocated during warm-up may be the leak), with its files beside it. No recording, or one
     * that cannot be read, leaves the verdict to the checkpoints.
     */
    private static Analysed analyse(Path runDirectory, Workload workload, ForkOutcome outcome, Instant from) {
        if (outcome.recording() == null) {
            return new Analysed(null, LeakJudge.Files.NONE);
        }
        try {
            AnalysisOptions options = AnalysisOptions.defaults().withWindow(from, null);
            Analysis analysis = RecordingAnalyzer.analyze(outcome.recording(), options);
            RecordingAnalyses.Written written = RecordingAnalyses.write(outcome.recording().getParent(), analysis,
                    outcome.fork(), workload.name() + " (leak check)");
            return new Analysed(analysis, new LeakJudge.Files(relative(runDirectory, outcome.recording()),
                    relative(runDirectory, written.analysis()),
                    written.flameGraphs().stream().map(p -> relative(runDirectory, p)).toList()));
        } catch (RecordingException | IOException e) {
            return new Analysed(null, new LeakJudge.Files(relative(runDirectory, outcome.recording()), null,
                    List.of()));
        }
    }

    private static String relative(Path runDirectory, Path file) {
        return runDirectory.relativize(file).toString().replace('\\', '/');
    }
}
