package io.flightdeck.harness.runner;

import java.nio.file.Path;
import java.util.List;

import io.flightdeck.child.ChildResult;

/**
 * How one child JVM ended, seen from the parent.
 *
 * @param exitCode    the JVM's exit code; null when it had to be killed
 * @param timedOut    it ran past the time limit and was stopped
 * @param result      what it reported, null when it left no readable result
 * @param failure     one line on why the fork failed, null when it succeeded
 * @param stderrTail  the last lines of its stderr, for the report of a failure
 * @param recording   the recording it left, null when none
 */
public record ForkOutcome(int fork, Integer exitCode, boolean timedOut, double seconds, ChildResult result,
                          String failure, List<String> stderrTail, Path recording, List<String> command) {

    public boolean ok() {
        return failure == null;
    }
}
