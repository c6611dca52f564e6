package io.flightdeck.maven;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.logging.Log;

import io.flightdeck.api.Workload;
import io.flightdeck.harness.cli.TerminalRunProgress;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.ab.AbProgress;
import io.flightdeck.harness.ab.Side;
import io.flightdeck.harness.run.RunProgress;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.harness.runner.RunPlan;

/**
 * What a run, leak check or comparison says, in Maven's log: the same text as on Flightdeck's terminal (the banner,
 * the forks, the summary) as {@code [INFO]}, a warning and a failed step as {@code [WARNING]}. Remembers the last
 * failed step, the one line the build fails with when it costs the exit code.
 */
final class MavenLogProgress implements AbProgress, AutoCloseable {

    private final Log log;
    private final MavenLogWriter out;
    private final MavenLogWriter err;
    private final TerminalRunProgress text;
    private String lastProblem;

    MavenLogProgress(Log log) {
        this.log = log;
        this.out = new MavenLogWriter(log::info);
        this.err = new MavenLogWriter(log::warn);
        this.text = new TerminalRunProgress(new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** A line of the plugin's own, in the same log. */
    void info(String line) {
        log.info(line);
    }

    /** The last failed step ({@link #problem}) as Flightdeck says it; null when none failed. */
    synchronized String lastProblem() {
        return lastProblem;
    }

    @Override
    public void runStarting(RunStart start) {
        text.runStarting(start);
    }

    @Override
    public void leakCheckStarting(RunPlan plan, LeakCheckPlan checks) {
        text.leakCheckStarting(plan, checks);
    }

    @Override
    public void jmhStarting(List<String> command, Path folder, ChildJvm forks) {
        text.jmhStarting(command, folder, forks);
    }

    @Override
    public void jmhOutput(String line) {
        text.jmhOutput(line);
    }

    @Override
    public void jmhAnalysing(String benchmark) {
        text.jmhAnalysing(benchmark);
    }

    @Override
    public void workloadStarted(int index, int of, Workload workload, int fork, int forks) {
        text.workloadStarted(index, of, workload, fork, forks);
    }

    @Override
    public void childStarted(Workload workload, int fork, long pid) {
        text.childStarted(workload, fork, pid);
    }

    @Override
    public void progress(Workload workload, String line) {
        text.progress(workload, line);
    }

    @Override
    public void forkFinished(Workload workload, ForkOutcome outcome) {
        text.forkFinished(workload, outcome);
    }

    @Override
    public void analysing(Workload workload) {
        text.analysing(workload);
    }

    @Override
    public void runFinished(RunReport report, Path folder) {
        text.runFinished(report, folder);
    }

    @Override
    public void confirming(String baseline, List<String> workloads, int forks, Path folder) {
        text.confirming(baseline, workloads, forks, folder);
    }

    @Override
    public void compared(RunComparison comparison, Path folder) {
        text.compared(comparison, folder);
    }

    @Override
    public void baselineSaved(String name, Path folder) {
        text.baselineSaved(name, folder);
    }

    @Override
    public void historyAppended(String store, String runId) {
        text.historyAppended(store, runId);
    }

    @Override
    public void warning(String message) {
        log.warn("Flightdeck: " + message);
    }

    @Override
    public synchronized void problem(String message) {
        lastProblem = "flightdeck: " + message;
        text.problem(message); // "flightdeck: <message>" as a [WARNING]
    }

    /** Logs a line still open (a progress line the run did not end). */
    @Override
    public void close() {
        out.close();
        err.close();
    }

    @Override
    public void say(String line) {
        info(line);
    }

    @Override
    public void forkFinished(int round, Side side, String workload, ForkOutcome outcome) {
        if (!outcome.ok()) {
            warning("round " + round + ", " + side.id() + " fork of " + workload + " failed: " + outcome.failure());
        }
    }

    @Override
    public void roundFinished(int round, List<String> undecided, List<String> open, double seconds) {
        info(io.flightdeck.harness.ab.AbText.round(round, undecided, open, seconds));
    }
}
