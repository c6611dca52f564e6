package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.util.Locale;

import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.harness.runner.RunListener;
import io.flightdeck.harness.workload.Workload;

/**
 * Progress on the terminal: which workload, fork and iteration is running. On a console the current line is
 * rewritten in place; in a CI log only changes of case or phase are printed, so the log stays short.
 */
final class TerminalProgress implements RunListener {

    private final PrintWriter out;
    private final boolean console = System.console() != null;
    private String prefix = "";
    private String lastPhase = "";
    private boolean lineOpen;

    TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void workloadStarted(int index, int of, Workload workload, int fork, int forks) {
        prefix = String.format(Locale.ROOT, "[%d/%d] %s%s", index, of, workload.name(),
                forks > 1 ? " fork " + fork + "/" + forks : "");
        lastPhase = "";
        show(prefix + " starting");
    }

    @Override
    public synchronized void progress(Workload workload, String line) {
        // "<case> <phase> <done>/<of>"
        String[] parts = line.split(" ");
        String phase = parts.length >= 2 ? parts[0] + " " + parts[1] : line;
        if (console) {
            show(prefix + "  " + line);
        } else if (!phase.equals(lastPhase)) {
            show(prefix + "  " + phase);
        }
        lastPhase = phase;
    }

    @Override
    public synchronized void forkFinished(Workload workload, ForkOutcome outcome) {
        String status = outcome.ok() ? "done" : "FAILED: " + outcome.failure();
        endLine(String.format(Locale.ROOT, "%s  %s in %.1f s", prefix, status, outcome.seconds()));
    }

    private void show(String text) {
        if (console) {
            out.print("\r\033[2K" + text);
            lineOpen = true;
        } else {
            out.println(text);
        }
        out.flush();
    }

    private void endLine(String text) {
        if (console && lineOpen) {
            out.print("\r\033[2K");
        }
        out.println(text);
        lineOpen = false;
        out.flush();
    }
}
