package io.flightdeck.harness.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.flightdeck.harness.check.RegressionLimit;
import io.flightdeck.harness.env.NoiseReport;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.ForkReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

/**
 * A regression must hold in a second run before it fails a build. On a shared machine a slow spell (a neighbour busy
 * for a minute, which this VM cannot see) slows every fork of a run alike, and no test on one run a side can tell
 * that from slower code. So the workloads that regressed run again (with as many forks as a baseline has, at least),
 * and the comparison is made once more with the second run's forks added to the first's as further forks: the rule that the closest pair of forks must differ by
 * more than the limit ({@link RunComparator}) then asks every fork of both runs to be slower, which a spell that
 * covered one run does not pass, while a real slowdown, present in every JVM, does (with twice the samples behind
 * it).
 */
public final class RegressionConfirmation {

    /** The second run's folder inside the first's. */
    public static final String FOLDER = RunLayout.CONFIRMATION;

    private RegressionConfirmation() {
    }

    /** The workloads a comparison found regressed: the ones to run again. */
    public static List<String> regressedWorkloads(RunComparison c) {
        return c.workloads().stream().filter(w -> w.verdict() == ChangeVerdict.REGRESSED)
                .map(RunComparison.WorkloadComparison::workload).toList();
    }

    /**
     * The comparison made again with the second run's forks counted, recording what was re-run and what held.
     *
     * @param first the first run, whose regressed workloads {@code again} ran again with {@code forks} forks each
     */
    public static RunComparison confirm(String baselineLabel, RunReport baseline, String currentLabel, RunReport first,
                                        RunReport again, int forks, List<String> rerun, ChangeThresholds thresholds,
                                        List<RegressionLimit> limits) {
        List<String> failed = rerun.stream().filter(name -> find(again, name).filter(RegressionConfirmation::passed)
                .isEmpty()).toList();
        RunComparison c = RunComparator.compare(baselineLabel, baseline, currentLabel, pooled(first, again),
                thresholds, limits);
        List<String> confirmed = regressedWorkloads(c).stream().filter(rerun::contains)
                .filter(w -> !failed.contains(w)).toList();
        return c.withConfirmation(new RunComparison.Confirmation(FOLDER, List.copyOf(rerun), forks, confirmed,
                failed));
    }

    /**
     * The first run with each workload that passed in {@code again} holding both runs' forks: the second run's
     * iterations follow the first's under fork numbers after them. The noise is the busier run's, so a busy second
     * run makes a regression doubtful as a busy first one does.
     */
    static RunReport pooled(RunReport first, RunReport again) {
        List<WorkloadReport> workloads = new ArrayList<>();
        for (WorkloadReport w : first.workloads()) {
            Optional<WorkloadReport> second = find(again, w.name()).filter(RegressionConfirmation::passed);
            workloads.add(second.isPresent() && passed(w) ? pooled(w, second.get()) : w);
        }
        return new RunReport(first.schemaVersion(), first.tool(), first.runId(), first.startedAt(),
                again.finishedAt(), first.durationSeconds() + again.durationSeconds(), first.settings(),
                first.environment(), busier(first.noise(), again.noise()), List.copyOf(workloads), first.budgets(),
                first.leakChecks(), first.verdict(), first.exitCode());
    }

    private static WorkloadReport pooled(WorkloadReport first, WorkloadReport second) {
        int offset = first.cases().stream().flatMap(c -> c.iterations().stream())
                .mapToInt(CaseReport.Iteration::fork).max().orElse(0);
        List<CaseReport> cases = new ArrayList<>();
        for (CaseReport c : first.cases()) {
            List<CaseReport.Iteration> iterations = new ArrayList<>(c.iterations());
            second.cases().stream().filter(k -> k.label().equals(c.label())).findFirst()
                    .ifPresent(k -> k.iterations().forEach(i -> iterations.add(i.inFork(i.fork() + offset))));
            cases.add(c.withIterations(iterations));
        }
        List<ForkReport> forks = new ArrayList<>(first.forks());
        forks.addAll(second.forks());
        return new WorkloadReport(first.name(), first.description(), first.operationUnit(), first.status(),
                first.failure(), List.copyOf(forks), List.copyOf(cases), first.scaling(), first.profile());
    }

    private static NoiseReport busier(NoiseReport a, NoiseReport b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.meanOtherCpuCores() > a.meanOtherCpuCores() ? b : a;
    }

    private static Optional<WorkloadReport> find(RunReport r, String name) {
        return r.workloads().stream().filter(w -> w.name().equals(name)).findFirst();
    }

    private static boolean passed(WorkloadReport w) {
        return RunReport.PASSED.equals(w.status());
    }
}
