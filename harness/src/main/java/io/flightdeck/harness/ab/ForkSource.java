package io.flightdeck.harness.ab;

import java.io.IOException;

import io.flightdeck.harness.runner.ForkOutcome;

/**
 * Runs one fork of one workload on one side: a child JVM in a real comparison, made-up figures in a test. Called
 * from two threads at once in a duet.
 */
@FunctionalInterface
public interface ForkSource {

    /**
     * @param slot in a duet, the CPU set the fork runs on (0 or 1, drawn at random each round); otherwise its place
     *             in the round's order among the workload's two forks (0 first)
     */
    ForkOutcome run(Side side, String workload, int round, int slot) throws IOException;
}
