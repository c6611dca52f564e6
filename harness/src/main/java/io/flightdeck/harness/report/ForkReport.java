package io.flightdeck.harness.report;

import java.util.List;

import io.flightdeck.child.ChildResult;

/**
 * One child JVM of a workload. Paths are relative to the run folder.
 *
 * @param exitCode   null when the JVM had to be killed
 * @param recording  the JFR file it left, null when none
 * @param stderrTail the end of its stderr when it failed, else empty
 * @param jvm        the JVM as it ran (version, flags, collectors), null when it reported nothing
 */
public record ForkReport(int fork, String status, Integer exitCode, boolean timedOut, double seconds, String failure,
                         String recording, Long recordingBytes, String result, List<String> stderrTail,
                         List<String> command, ChildResult.JvmFacts jvm) {
}
