package io.flightdeck.profiling;

import jdk.jfr.consumer.RecordedThread;

/** A thread's name as reports show it: the Java name, else the OS name, else its id. */
public final class Threads {

    private Threads() {
    }

    public static String name(RecordedThread t) {
        if (t == null) {
            return "[unknown thread]";
        }
        if (t.getJavaName() != null) {
            return t.getJavaName();
        }
        if (t.getOSName() != null) {
            return t.getOSName();
        }
        return "thread " + t.getOSThreadId();
    }
}
