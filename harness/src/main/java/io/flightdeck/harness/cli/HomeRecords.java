package io.flightdeck.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
 * failing fails the command: one line on stderr naming the file, and exit {@value ExitCodes#USAGE} (a full disk, a
 * read-only or misplaced home: the user can fix it). A CI job that saves a baseline must not carry on with the old
 * one without noticing. The run's own results are in its folder by then; the rest of the command is still done.
 */
final class HomeRecords {

    private HomeRecords() {
    }

    /** Adds the run to the history: {@link ExitCodes#OK}, or {@link ExitCodes#USAGE} after saying why on {@code err}. */
    static int appendHistory(PrintWriter out, PrintWriter err, Home home, RunReport report) {
        HistoryStore history = new HistoryStore(home.history());
        try {
            history.append(HistoryEntries.of(report, GitCommit.of(Path.of("").toAbsolutePath())));
            out.println("history: " + history.file());
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("flightdeck: the run was not added to the history: " + named(e, history.file()));
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    /**
     * Saves the run as baseline {@code name}: {@link ExitCodes#OK}, or after saying why on {@code err}
     * {@link ExitCodes#USAGE} when it could not be written and {@link ExitCodes#CHECK_FAILED} when a workload failed
     * (such a run is no baseline: it would hide the failed workload's figures).
     */
    static int saveBaseline(PrintWriter out, PrintWriter err, BaselineStore baselines, String name,
                                RunReport report, Path dir) {
        if (report.workloads().stream().anyMatch(w -> RunReport.FAILED.equals(w.status()))) {
            err.println("flightdeck: baseline " + name + " NOT saved: a workload failed");
            err.flush();
            return ExitCodes.CHECK_FAILED;
        }
        try {
            Path saved = baselines.save(name, dir, report, GitCommit.of(Path.of("").toAbsolutePath()));
            out.println("baseline " + name + " saved: " + saved);
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("flightdeck: baseline " + name + " NOT saved: " + named(e, baselines.folder(name)));
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    /** The failure as one line that names a file: the one that failed when known, else the one being written. */
    private static String named(IOException e, Path file) {
        return (e instanceof ResultWriteException || e instanceof InvalidDocumentException ? e
                : new ResultWriteException(file, e)).getMessage();
    }
}
