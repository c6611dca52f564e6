package io.flightdeck.harness.cli;

/** What {@code flightdeck} exits with; CI jobs branch on these. */
public final class ExitCodes {

    /** every check held */
    public static final int OK = 0;
    /** a check failed: a budget was exceeded or a workload failed */
    public static final int CHECK_FAILED = 1;
    /** bad input or usage */
    public static final int USAGE = 2;
    /** Flightdeck itself failed (a bug or an I/O error it could not recover from) */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
