package io.flightdeck.profiling;

import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedThread;

/**
 * A thread's name as reports show it: the Java name, else the OS name, else its id. Virtual threads are named as a
 * group: one request's or task's thread among thousands is not a row of its own, and most have no name at all.
 */
public final class Threads {

    /** The name every unnamed virtual thread shares. */
    public static final String UNNAMED_VIRTUAL = "virtual threads (unnamed)";

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /**
     * The launcher's main thread, once its {@code main} has returned: the JVM attaches it again under this name to
     * wait for the other threads, and async-profiler, which keeps a thread's last name, files all of main's samples
     * under it.
     */
    public static final String DESTROY_JAVA_VM = "DestroyJavaVM";
    public static final String MAIN = "main";

    private Threads() {
    }

    public static String name(RecordedThread t) {
        if (t == null) {
            return "[unknown thread]";
        }
        String javaName = t.getJavaName();
        if (isVirtual(t)) {
            return virtualGroup(javaName);
        }
        if (DESTROY_JAVA_VM.equals(javaName)) {
            return MAIN;
        }
        if (javaName != null && !javaName.isEmpty()) {
            return javaName;
        }
        if (t.getOSName() != null && !t.getOSName().isEmpty()) {
            return t.getOSName();
        }
        return "thread " + (t.getJavaThreadId() > 0 ? t.getJavaThreadId() : t.getOSThreadId());
    }

    /**
     * Whether the thread is a virtual thread: the recording's thread type has the field "virtual" from JDK 21 on
     * (read by name, so a JDK 17 reader sees it in a newer JDK's recording).
     */
    public static boolean isVirtual(RecordedThread t) {
        return t != null && t.hasField("virtual") && t.getBoolean("virtual");
    }

    /**
     * A virtual thread's group: {@link #UNNAMED_VIRTUAL}, or its name with each number as "#" ("worker-17" and
     * "worker-18" are "worker-# (virtual)").
     */
    static String virtualGroup(String javaName) {
        if (javaName == null || javaName.isBlank()) {
            return UNNAMED_VIRTUAL;
        }
        return DIGITS.matcher(javaName).replaceAll("#") + " (virtual)";
    }
}
