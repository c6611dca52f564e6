package io.flightdeck.harness.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.harness.runner.RunListener;
import io.flightdeck.harness.text.TerminalText;
import io.flightdeck.api.Workload;

/**
 * Progress on the terminal: which workload, fork and iteration is running. On a console the current line is
 * rewritten in place; in a CI log only changes of case or phase are printed, so the log stays short.
 */
final class TerminalProgress implements RunListener {

    private final PrintWriter out;
    private final boolean console = interactive();
    private String prefix = "";
    private String lastPhase = "";
    private boolean lineOpen;

    TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void workloadStarted(int index, int of, Workload workload, int fork, int forks) {
        // forks run in rounds (every workload's fork 1, then every fork 2): count the JVMs, so the counter only rises
        prefix = String.format(Locale.ROOT, "[%d/%d] %s%s", (fork - 1) * of + index, of * forks,
                TerminalText.truncate(workload.name(), 40),
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
        String status = outcome.ok() ? "done" : "FAILED: " + TerminalText.safe(outcome.failure());
        endLine(String.format(Locale.ROOT, "%s  %s in %.1f s", prefix, status, outcome.seconds()));
    }

    /**
     * Whether stdout is a terminal. From JDK 22 {@link System#console()} exists even when output is redirected, and
     * {@code Console.isTerminal()} (JDK 22+, looked up by reflection because we build for 17) tells the truth.
     */
    static boolean interactive() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22 a console exists only for a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void analysing(Workload workload) {
        show("analysing the recording of " + TerminalText.safe(workload.name()));
    }

    /** A line of progress: made safe (names and the child's lines come from workloads), on a console cut to fit. */
    private void show(String line) {
        String text = TerminalText.safe(line);
        if (console) {
            // a line longer than the terminal wraps, and the next \r rewrites only its last part
            out.print("\r\033[2K" + TerminalText.truncate(text, TerminalSummary.COLUMNS - 1));
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
