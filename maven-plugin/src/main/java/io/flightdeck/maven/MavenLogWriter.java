package io.flightdeck.maven;

import java.io.Writer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What Flightdeck prints, a line at a time, into Maven's log: the build's output keeps Maven's format, levels and
 * {@code -q}. A carriage return starts the line again (a terminal's progress line rewritten in place), and terminal
 * escape sequences are dropped, so only finished lines reach the log.
 */
final class MavenLogWriter extends Writer {

    /** ANSI CSI sequences such as "erase the line" ({@code ESC [ 2 K}). */
    private static final Pattern ESCAPE = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

    private final Consumer<String> log;
    private final StringBuilder line = new StringBuilder();

    MavenLogWriter(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                emit();
            } else if (c == '\r') {
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    private void emit() {
        String text = ESCAPE.matcher(line).replaceAll("");
        line.setLength(0);
        log.accept(text);
    }

    @Override
    public void flush() {
        // lines are logged as they end; a line still open is logged by close()
    }

    @Override
    public synchronized void close() {
        if (!line.isEmpty()) {
            emit();
        }
    }
}
