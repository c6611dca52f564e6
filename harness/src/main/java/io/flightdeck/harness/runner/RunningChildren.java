package io.flightdeck.harness.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The children still running, with their scratch folders, for the shutdown hook to stop. Starting a child and
 * recording it is one step under one lock, and so is the hook's "no more starts" with its list: a child is either
 * started before the hook looks, and in its list, or not started at all. (Checked apart, a child started between the
 * hook's look and its own start was neither stopped nor waited for, and ended half-recorded when the parent did.)
 */
final class RunningChildren {

    /** Starts a child process. */
    interface Starter {
        Process start() throws IOException;
    }

    private final Map<Process, Path> running = new HashMap<>();
    private boolean stopping;

    /**
     * Starts a child and records it, unless stopping has begun.
     *
     * @throws IOException when stopping has begun (nothing is started), or the start failed
     */
    synchronized Process start(Starter starter, Path scratch) throws IOException {
        if (stopping) {
            throw new IOException("Flightdeck is shutting down");
        }
        Process process = starter.start();
        running.put(process, scratch);
        return process;
    }

    /** The child has ended, or has been left to end: no longer the hook's to stop. */
    synchronized void remove(Process process) {
        running.remove(process);
    }

    /** From now on no child starts; the children running now, each with its scratch folder. */
    synchronized Map<Process, Path> stopStarting() {
        stopping = true;
        return Map.copyOf(running);
    }
}
