package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Path;

import io.flightdeck.harness.files.InvalidDocumentException;
import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.harness.history.HistoryEntries;
import io.flightdeck.harness.history.HistoryStore;
import io.flightdeck.harness.home.BaselineStore;
import io.flightdeck.harness.home.GitCommit;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.report.RunReport;

/**
 * What a run leaves in the home folder: its history record and, when asked, a baseline. Each is asked for, so each
 * failing fails the run: a problem naming the file, and {@value ExitCode#USAGE} (a full disk, a read-only or
 * misplaced home: the user can fix it). A CI job that saves a baseline must not carry on with the old one without
 * noticing. The run's own results are in its folder by then; the rest of the run is still done.
 */
final class HomeRecords {

    /** What a step ended with: the file it wrote (null when it wrote none) and the exit code it asks for. */
    record Outcome(Path file, int exitCode) {
    }

    private HomeRecords() {
    }

    /** Adds the run to the history. */
    static Outcome appendHistory(RunProgress progress, Home home, RunReport report) {
        HistoryStore history = new HistoryStore(home.history());
        try {
            history.append(HistoryEntries.of(report, GitCommit.of(Path.of("").toAbsolutePath())));
            progress.historyAppended(history.file());
            return new Outcome(history.file(), ExitCode.OK);
        } catch (IOException e) {
            progress.problem("the run was not added to the history: " + named(e, history.file()));
            return new Outcome(null, ExitCode.USAGE);
        }
    }

    /**
     * Saves the run as baseline {@code name}: {@link ExitCode#USAGE} when it could not be written and
     * {@link ExitCode#CHECK_FAILED} when a workload failed (such a run is no baseline: it would hide the failed
     * workload's figures).
     */
    static Outcome saveBaseline(RunProgress progress, BaselineStore baselines, String name, RunReport report,
                                Path dir) {
        if (report.workloads().stream().anyMatch(w -> RunReport.FAILED.equals(w.status()))) {
            progress.problem("baseline " + name + " NOT saved: a workload failed");
            return new Outcome(null, ExitCode.CHECK_FAILED);
        }
        try {
            Path saved = baselines.save(name, dir, report, GitCommit.of(Path.of("").toAbsolutePath()));
            progress.baselineSaved(name, saved);
            return new Outcome(saved, ExitCode.OK);
        } catch (IOException e) {
            progress.problem("baseline " + name + " NOT saved: " + named(e, baselines.folder(name)));
            return new Outcome(null, ExitCode.USAGE);
        }
    }

    /** The failure as one line that names a file: the one that failed when known, else the one being written. */
    private static String named(IOException e, Path file) {
        return (e instanceof ResultWriteException || e instanceof InvalidDocumentException ? e
                : new ResultWriteException(file, e)).getMessage();
    }
}
