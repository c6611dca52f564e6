package io.flightdeck.harness.run;

import java.nio.file.Path;
import java.util.List;

import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.runner.RunListener;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.sampler.ChildJvm;

/**
 * What a run, a leak check or a comparison says while it works: the runner's progress (workloads, forks, the
 * children's lines) and each step after it. The library never prints; the command line's terminal is one
 * implementation, a build plugin's log another. Every method has a default that does nothing.
 */
public interface RunProgress extends RunListener {

    /** What a run is about to do, decided and checked: nothing has started yet. */
    record RunStart(RunPlan plan, int leakChecks, int askedForks) {
    }

    /** A run's plan is made and its folder claimed; its first JVM starts next. */
    default void runStarting(RunStart start) {
    }

    /** A project's JMH is about to run {@code command}: its benchmarks, every fork recorded into {@code folder}. */
    default void jmhStarting(List<String> command, Path folder, ChildJvm forks) {
    }

    /** A line JMH printed. */
    default void jmhOutput(String line) {
    }

    /** JMH is done; the recordings of {@code benchmark}'s forks are being analysed. */
    default void jmhAnalysing(String benchmark) {
    }

    /** A leak check's plan is made and its folder claimed. */
    default void leakCheckStarting(RunPlan plan, LeakCheckPlan checks) {
    }

    /**
     * The run's measurements and its own checks (budgets, failed workloads, leaks) are done; a comparison, the
     * baseline and the history follow, and then the reports.
     */
    default void runFinished(RunReport report, Path folder) {
    }

    /** The workloads that regressed against {@code baseline} run again, with {@code forks} forks, into {@code folder}. */
    default void confirming(String baseline, List<String> workloads, int forks, Path folder) {
    }

    /** The comparison with the baseline, its files written into {@code folder}. */
    default void compared(RunComparison comparison, Path folder) {
    }

    /** The run was saved as baseline {@code name}, in {@code folder}. */
    default void baselineSaved(String name, Path folder) {
    }

    /** The run was added to the history in {@code store} (a file or a database), as {@code runId}. */
    default void historyAppended(String store, String runId) {
    }

    /** Something the user should know that changes no verdict (a page without its trend, say). */
    default void warning(String message) {
    }

    /**
     * A step the user asked for failed (a comparison, baseline or history record not written); the exit code says
     * so too. One line, naming the file.
     */
    default void problem(String message) {
    }

    /** Says nothing. */
    RunProgress QUIET = new RunProgress() {
    };
}
