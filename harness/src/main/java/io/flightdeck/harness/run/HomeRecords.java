package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Path;

import io.flightdeck.harness.files.InvalidDocumentException;
import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.harness.history.HistoryEntries;
import io.flightdeck.harness.home.GitCommit;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.results.ResultsStore;

/**
 * What a run leaves in the results store: its history record and, when asked, a baseline. Each is asked for, so each
 * failing fails the run: a problem naming the file or database, and {@value ExitCode#USAGE} (a full disk, a
 * read-only or misplaced home, a database gone: the user can fix it). A CI job that saves a baseline must not carry
 * on with the old one without noticing. The run's own results are in its folder by then; the rest of the run is still
 * done.
 */
final class HomeRecords {

    /** What a step ended with: where it wrote (null when it wrote nothing) and the exit code it asks for. */
    record Outcome(String where, int exitCode) {
    }

    private HomeRecords() {
    }

    /** Adds the run, its record and its report, to the store. */
    static Outcome appendHistory(RunProgress progress, ResultsStore results, RunReport report, Path dir) {
        try {
            ResultsStore.Added added = results.add(HistoryEntries.of(report, GitCommit.of(Path.of("").toAbsolutePath())),
                    report, dir);
            progress.historyAppended(results.location(), added.runId());
            return new Outcome(results.location(), ExitCode.OK);
        } catch (IOException e) {
            progress.problem("the run was not added to the history: " + named(e, results.location()));
            return new Outcome(null, ExitCode.USAGE);
        }
    }

    /**
     * Saves the run as baseline {@code name}: {@link ExitCode#USAGE} when it could not be written and
     * {@link ExitCode#CHECK_FAILED} when a workload failed (such a run is no baseline: it would hide the failed
     * workload's figures).
     */
    static Outcome saveBaseline(RunProgress progress, ResultsStore results, String name, RunReport report,
                                Path dir) {
        if (report.workloads().stream().anyMatch(w -> RunReport.FAILED.equals(w.status()))) {
            progress.problem("baseline " + name + " NOT saved: a workload failed");
            return new Outcome(null, ExitCode.CHECK_FAILED);
        }
        try {
            Path saved = results.saveBaseline(name, dir, report, GitCommit.of(Path.of("").toAbsolutePath()));
            progress.baselineSaved(name, saved);
            return new Outcome(saved.toString(), ExitCode.OK);
        } catch (IOException e) {
            progress.problem("baseline " + name + " NOT saved: " + named(e, results.location()));
            return new Outcome(null, ExitCode.USAGE);
        }
    }

    /** The failure as one line that names a place: the file that failed (the stores' messages name it), else the store. */
    private static String named(IOException e, String store) {
        return e instanceof ResultWriteException || e instanceof InvalidDocumentException
                || String.valueOf(e.getMessage()).contains(store) ? e.getMessage() : store + ": " + e.getMessage();
    }
}
