package io.flightdeck.child;

import java.io.PrintStream;

/**
 * Progress lines for the parent's terminal, on the child's stdout behind a marker. They only drive the display;
 * results travel through {@code result.json}, never through the log.
 */
public final class Progress {

    public static final String MARKER = "@flightdeck-progress ";

    private final PrintStream out;

    public Progress(PrintStream out) {
        this.out = out;
    }

    /** e.g. {@code size=1000 measure 3/5} */
    public void report(String caseLabel, String phase, long done, long of) {
        out.println(MARKER + caseLabel + " " + phase + " " + done + "/" + of);
        out.flush();
    }
}
