package io.flightdeck.harness.run;

/** What a run, a leak check or a comparison ends with, as the command line exits with it; CI jobs branch on these. */
public final class ExitCode {

    /** every check held */
    public static final int OK = 0;
    /** a check failed: a budget was exceeded, a workload failed, a leak was found, or a regression */
    public static final int CHECK_FAILED = 1;
    /**
     * bad input or usage, or a machine the user can put right: a home folder or output folder that is a file, a full
     * disk, a read-only folder. Also when a run's baseline or history record could not be written, even after the
     * run itself held: a CI job must not carry on with the old baseline unawares.
     */
    public static final int USAGE = 2;
    /** Flightdeck itself failed: a bug, or an I/O error on no file of the user's (those are {@link #USAGE}) */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
