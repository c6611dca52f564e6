package io.flightdeck.harness.jmh;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The line of JMH's output that says why it stopped: the last one that is neither blank nor part of a stack trace.
 * JMH ends a failure ("Unable to acquire the JMH lock", no matching benchmarks) with the exception's frames, which
 * name a method, not a reason.
 */
public final class JmhFailureLine implements Consumer<String> {

    /** "at Class.method(File.java:1)" and "... 3 more", as Java prints a stack trace. */
    private static final Pattern STACK_FRAME = Pattern.compile("at \\S+\\(.*\\)|\\.\\.\\. \\d+ more");

    private String line;

    @Override
    public synchronized void accept(String output) {
        String stripped = output.strip();
        if (!stripped.isEmpty() && !STACK_FRAME.matcher(stripped).matches()) {
            line = stripped;
        }
    }

    /** The line, or null when JMH printed none. */
    public synchronized String line() {
        return line;
    }
}
