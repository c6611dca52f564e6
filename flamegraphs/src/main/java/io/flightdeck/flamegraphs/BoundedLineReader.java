package io.flightdeck.flamegraphs;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a Reader into lines ({@code \n}, {@code \r\n} or {@code \r}) and refuses a line longer than a limit
 * before holding it, which {@link java.io.BufferedReader#readLine()} cannot do: a corrupt or binary file
 * must end in an error, not in an OutOfMemoryError.
 */
final class BoundedLineReader {

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[64 * 1024];
    private final StringBuilder pending = new StringBuilder();
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private long lineNumber;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or null at the end of input. */
    String next() throws IOException {
        pending.setLength(0);
        while (true) {
            if (position == limit) {
                int read = in.read(buffer, 0, buffer.length);
                if (read < 0) {
                    if (pending.length() == 0) {
                        return null;
                    }
                    lineNumber++;
                    return pending.toString();
                }
                position = 0;
                limit = read;
                continue;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == '\n' || c == '\r') {
                    int length = position - start;
                    requireWithinLimit(pending.length() + length);
                    lineNumber++;
                    String line = pending.length() == 0
                            ? new String(buffer, start, length)
                            : pending.append(buffer, start, length).toString();
                    position++;
                    skipLineFeed = c == '\r';
                    return line;
                }
                position++;
            }
            requireWithinLimit(pending.length() + (position - start));
            pending.append(buffer, start, position - start);
        }
    }

    private void requireWithinLimit(long length) {
        if (length > maxChars) {
            throw new FoldedFormatException(lineNumber + 1, "longer than " + maxChars + " characters");
        }
    }
}
