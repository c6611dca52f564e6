package io.flightdeck.harness.cli;

/**
 * Bad input from the user (an unknown workload, a malformed budgets file, an unusable path): reported as one line
 * on stderr with exit code {@value ExitCodes#USAGE}, never with a stack trace.
 */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
