package io.flightdeck.profiling;

import java.util.List;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/** Stack traces of events as root-first frame names, the form the flame graphs' call trees take. */
public final class Frames {

    public static final String UNKNOWN_SITE = "[no stack trace]";

    private final String[] buffer = new String[2048];

    /** Fills the buffer with the stack's frames, root first; returns how many. */
    public int rootFirst(RecordedStackTrace stack) {
        if (stack == null) {
            return 0;
        }
        List<RecordedFrame> frames = stack.getFrames(); // top first
        int n = Math.min(frames.size(), buffer.length);
        for (int i = 0; i < n; i++) {
            buffer[n - 1 - i] = MethodNames.of(frames.get(i));
        }
        return n;
    }

    public String[] buffer() {
        return buffer;
    }

    /** The top frame's method: the allocation site, the blocking call, the hot method. */
    public static String top(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return UNKNOWN_SITE;
        }
        return MethodNames.of(stack.getFrames().get(0));
    }
}
