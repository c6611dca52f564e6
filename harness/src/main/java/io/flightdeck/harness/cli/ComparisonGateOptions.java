package io.flightdeck.harness.cli;

import picocli.CommandLine.Option;

import io.flightdeck.harness.run.InputChecks;

/**
 * {@code --busy-cores} and {@code --fail-on}: when a machine counts as busy, and whether a comparison that could not
 * be judged fails; for every command that compares with a baseline. Both values are checked by {@link InputChecks}
 * where the library reads them, so the command line and the library refuse the same values with the same line.
 */
final class ComparisonGateOptions {

    @Option(names = "--busy-cores", paramLabel = "CORES",
            description = "a side whose other processes used more CPU cores than this on average ran on a busy "
                    + "machine: a regression this run shows on a busy machine is inconclusive, an improvement "
                    + "against a busy baseline is no change (default: 0.25)")
    String busyCores;

    @Option(names = "--fail-on", paramLabel = "WHAT",
            description = "what fails the comparison with exit code 1: " + InputChecks.FAIL_ON_REGRESSION
                    + " (default) or " + InputChecks.FAIL_ON_INCONCLUSIVE + " (a regression, or a comparison that "
                    + "could not be judged, e.g. on a busy machine)")
    String failOn;

    /** Whether {@code --fail-on inconclusive} was given; bad input for a value other than the two. */
    boolean failOnInconclusive() {
        return InputChecks.failOnInconclusive(failOn);
    }
}
