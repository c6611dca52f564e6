package io.flightdeck.harness.ab;

import java.io.IOException;

import io.flightdeck.harness.runner.ForkOutcome;

/** Runs one fork of one workload on one side: a child JVM in a real comparison, made-up figures in a test. */
@FunctionalInterface
public interface ForkSource {

    ForkOutcome run(Side side, String workload, int round) throws IOException;
}
