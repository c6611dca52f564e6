package io.flightdeck.flamegraphs;

/** A folded file that cannot be read; the message is one line naming the line number and the problem. */
public final class FoldedFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long lineNumber;

    public FoldedFormatException(long lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** The 1-based number of the offending line. */
    public long lineNumber() {
        return lineNumber;
    }
}
