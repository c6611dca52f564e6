package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import io.flightdeck.harness.report.ReportParameters;

import io.flightdeck.api.Workload;
import io.flightdeck.harness.compare.RunComparator;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.run.RunProgress;
import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.harness.text.TerminalText;

/**
 * A run, leak check or comparison on the terminal: the banner, the forks' progress ({@link TerminalProgress}), the
 * summary ({@link TerminalSummary}), each step after the run on stdout, and a step that failed on stderr. Public for
 * any other line-by-line output of the same text (a build plugin's log).
 */
public final class TerminalRunProgress implements RunProgress {

    private final PrintWriter out;
    private final PrintWriter err;
    private final TerminalProgress forks;

    public TerminalRunProgress(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        this.forks = new TerminalProgress(out);
    }

    @Override
    public void runStarting(RunStart start) {
        RunPlan plan = start.plan();
        Suite suite = plan.suite();
        out.printf("Flightdeck: suite %s, %d workload(s)%s%s, %s -> %s%n", suite.name(),
                plan.workloads().size(), start.leakChecks() == 0 ? "" : " and " + start.leakChecks()
                        + " leak check(s)", ReportParameters.suffix(plan.parameters()),
                plan.jfr() ? "JFR " + plan.jfrSettings() : "no recording", plan.directory());
        ChildJvmOptions.print(out, plan.child(), plan.jfr());
        if (suite.forks() > start.askedForks()) {
            out.printf("%d forks a workload, not %d: a baseline needs %d JVMs or more to show how far JVMs of one"
                    + " build spread%n", suite.forks(), start.askedForks(), RunComparator.MIN_BASELINE_FORKS);
        }
        out.flush();
    }

    @Override
    public void jmhStarting(List<String> command, Path folder, ChildJvm forks) {
        out.printf("Flightdeck: your JMH benchmarks, every fork recorded -> %s%n", folder);
 // the forks run on the benchmarks' class path, as JMH starts them: no child runtime to mention
        ChildJvmOptions.print(out, new ChildJvm(forks.java(), forks.jvmArgs(), forks.sampler()), true);
        out.println("JMH: " + TerminalText.safe(String.join(" ", command)));
        out.flush();
    }

    @Override
    public void jmhOutput(String line) {
        out.println(TerminalText.safe(line));
        out.flush();
    }

    @Override
    public void jmhAnalysing(String benchmark) {
        out.println("analysing the recordings of " + TerminalText.safe(benchmark));
        out.flush();
    }

    @Override
    public void leakCheckStarting(RunPlan plan, LeakCheckPlan checks) {
        out.printf("Flightdeck leak check: %d workload(s), %d s each after warm-up%s -> %s%n",
                checks.workloads().size(), checks.durationSeconds(), ReportParameters.suffix(plan.parameters()),
                plan.directory());
        ChildJvmOptions.print(out, plan.child(), true);
        out.flush();
    }

    @Override
    public void workloadStarted(int index, int of, Workload workload, int fork, int forkCount) {
        forks.workloadStarted(index, of, workload, fork, forkCount);
    }

    @Override
    public void childStarted(Workload workload, int fork, long pid) {
        forks.childStarted(workload, fork, pid);
    }

    @Override
    public void progress(Workload workload, String line) {
        forks.progress(workload, line);
    }

    @Override
    public void forkFinished(Workload workload, ForkOutcome outcome) {
        forks.forkFinished(workload, outcome);
    }

    @Override
    public void analysing(Workload workload) {
        forks.analysing(workload);
    }

    @Override
    public void runFinished(RunReport report, Path folder) {
        TerminalSummary.print(out, report, folder);
    }

    @Override
    public void confirming(String baseline, List<String> workloads, int forkCount, Path folder) {
        out.printf("%nRegressed against %s: %s. Running %s again to confirm, %d forks (--no-confirm skips this)"
                        + " -> %s%n", baseline, TerminalText.safe(String.join(", ", workloads)),
                workloads.size() == 1 ? "it" : "them", forkCount, folder);
        out.flush();
    }

    @Override
    public void compared(RunComparison comparison, Path folder) {
        TerminalSummary.printComparison(out, comparison, folder);
    }

    @Override
    public void baselineSaved(String name, Path folder) {
        out.println("baseline " + name + " saved: " + folder);
        out.flush();
    }

    @Override
    public void historyAppended(String store, String runId) {
        out.println("history: " + store + " (run " + runId + ")");
        out.flush();
    }

    @Override
    public void warning(String message) {
        out.println("warning: " + message);
        out.flush();
    }

    @Override
    public void problem(String message) {
        out.flush();
        err.println("flightdeck: " + message);
        err.flush();
    }
}
