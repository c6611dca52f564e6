package io.flightdeck.harness.cli;

/** What {@code flightdeck} exits with; CI jobs branch on these (the library's {@link io.flightdeck.harness.run.ExitCode}). */
public final class ExitCodes {

    /** every check held */
    public static final int OK = io.flightdeck.harness.run.ExitCode.OK;
    /** a check failed: a budget was exceeded or a workload failed */
    public static final int CHECK_FAILED = io.flightdeck.harness.run.ExitCode.CHECK_FAILED;
    /**
     * bad input or usage, or a machine the user can put right: a home folder or {@code --out} that is a file, a full
     * disk, a read-only folder. Also when a run's baseline (--save-baseline) or history record could not be written,
     * even after the run itself held: a CI job must not carry on with the old baseline unawares. The message is one
     * line on stderr that names the file.
     */
    public static final int USAGE = io.flightdeck.harness.run.ExitCode.USAGE;
    /** Flightdeck itself failed: a bug, or an I/O error on no file of the user's (those are {@link #USAGE}) */
    public static final int INTERNAL = io.flightdeck.harness.run.ExitCode.INTERNAL;

    private ExitCodes() {
    }
}
