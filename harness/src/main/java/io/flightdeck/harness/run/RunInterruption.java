package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.flightdeck.child.files.AtomicFile;

/**
 * Marks a run that ends before its reports are written (Ctrl-C, SIGTERM) as interrupted: a shutdown hook, held
 * while the run works, leaves {@value #FILE} in the run folder and removes any report file already written, so that
 * nothing in the folder looks like a finished run. The reports are written through {@link #writeReports}, which the
 * hook waits for: a run is either finished with all its reports or interrupted with none. (The children and their
 * scratch stores are the runner's to stop and delete.)
 */
final class RunInterruption implements AutoCloseable {

    static final String FILE = io.flightdeck.harness.layout.RunLayout.INTERRUPTED;

    @FunctionalInterface
    interface Writes {
        void run() throws IOException;
    }

    private final Path directory;
    private final String runId;
    private final List<String> reports;
    private final Thread hook;
    private boolean finished;
    private boolean interrupted;

    private RunInterruption(Path directory, String runId, List<String> reports) {
        this.directory = directory;
        this.runId = runId;
        this.reports = List.copyOf(reports);
        this.hook = new Thread(this::interrupt, "flightdeck-run-interrupted");
    }

    /** Watches a run from now until {@link #close()}; {@code reports} are the files a finished run has. */
    static RunInterruption watch(Path directory, String runId, List<String> reports) {
        RunInterruption watch = new RunInterruption(directory, runId, reports);
        Runtime.getRuntime().addShutdownHook(watch.hook);
        return watch;
    }

    /**
     * Writes the run's reports, all or none: a write that fails removes those written before it. Called once; an
     * interruption waits for it to end, and after one it writes nothing.
     */
    synchronized void writeReports(Writes writes) throws IOException {
        if (interrupted) {
            throw new IOException("the run was interrupted");
        }
        try {
            writes.run();
        } catch (IOException | RuntimeException e) {
            removeReports();
            throw e;
        }
        finished = true;
    }

    /** What the shutdown hook does; for a run that finished, nothing. */
    synchronized void interrupt() {
        if (finished || interrupted) {
            return;
        }
        interrupted = true;
        removeReports();
        try {
            AtomicFile.writeString(directory.resolve(FILE), "Run " + runId + " was interrupted at " + Instant.now()
                    + " before it finished: it has no report, and what its folders hold is incomplete.\n");
        } catch (IOException e) {
            System.err.println("flightdeck: the run was interrupted; " + e.getMessage());
        }
    }

    private void removeReports() {
        for (String name : reports) {
            try {
                Files.deleteIfExists(directory.resolve(name));
            } catch (IOException e) {
                // a report that cannot be removed cannot be trusted either: the marker says so
            }
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs, and finds the run finished or not
        }
    }
}
