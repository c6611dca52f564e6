package io.flightdeck.harness.run;

/**
 * Input a run, a leak check or a comparison cannot use: an option out of range, an unknown workload or suite, a
 * malformed budgets file, a missing baseline, a folder that cannot be had. Its message is one line a user can act
 * on; the command line prints it on stderr and exits {@value ExitCode#USAGE}, a build plugin fails the build with it.
 * Thrown before any child JVM starts whenever the problem can be seen then.
 */
public class RunInputException extends RuntimeException {

    public RunInputException(String message) {
        super(message);
    }
}
