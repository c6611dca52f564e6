package io.flightdeck.child;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.flightdeck.child.files.FileTrees;

/**
 * Ends a child JVM that has lost its parent, and one that overruns its own time limit.
 *
 * <p>A parent killed with {@code kill -9} cannot stop its children: they are re-parented to PID 1 and would run on,
 * measuring nothing for anyone, with no time limit (the parent held it). So the parent gives each child a pipe as
 * its standard input and never writes to it; the child reads it on a daemon thread. When the parent dies, however it
 * dies, the kernel closes its end and the read returns end-of-file at once. This is chosen over watching the
 * parent's pid ({@code ProcessHandle.of(pid).onExit()}): for a process that is not one's own child, the JDK can only
 * poll for it, and a pid can be reused; the pipe needs neither, and no other process holds its end (the JDK closes
 * every other descriptor in the processes it starts). Standard input is only watched when the parent asks for it
 * ({@value #WATCH_PROPERTY}), so a child started by hand with a terminal or {@code /dev/null} is not ended by it.
 *
 * <p>The time limit ({@value #TIME_LIMIT_PROPERTY}) is a backstop the parent sets later than its own: the parent
 * stops a late child itself and reports it; the child's own limit only matters when nobody is left to do so.
 *
 * <p>Either way the child deletes its scratch folder (its database: hundreds of MB with the WAL) and halts: nobody
 * will read its recording or result, and a workload's shutdown hooks must not keep it alive.
 */
public final class ParentWatch {

    /** Set to {@value #STDIN} by the parent: standard input is a pipe it holds open while it lives. */
    public static final String WATCH_PROPERTY = "flightdeck.child.watchParent";
    public static final String STDIN = "stdin";
    /** Seconds after which the child ends itself, whatever it is doing. */
    public static final String TIME_LIMIT_PROPERTY = "flightdeck.child.timeLimitSeconds";
    /** The child's exit code when its parent is gone (sysexits' EX_UNAVAILABLE). */
    public static final int EXIT_PARENT_GONE = 69;
    /** The child's exit code when it ran past its own time limit (the code of timeout(1)). */
    public static final int EXIT_TIME_LIMIT = 124;

    private ParentWatch() {
    }

    /** Starts the watches the parent asked for in the system properties; {@code scratch} is deleted on either end. */
    public static void start(Path scratch) {
        if (STDIN.equals(System.getProperty(WATCH_PROPERTY))) {
            daemon("flightdeck-parent-watch", () -> {
                waitForEndOfInput(System.in);
                end(scratch, EXIT_PARENT_GONE, "its parent process is gone");
            });
        }
        long limit = Long.getLong(TIME_LIMIT_PROPERTY, 0L);
        if (limit > 0) {
            daemon("flightdeck-time-limit", () -> {
                try {
                    TimeUnit.SECONDS.sleep(limit);
                } catch (InterruptedException e) {
                    return;
                }
                end(scratch, EXIT_TIME_LIMIT, "it ran past its time limit of " + limit + " s");
            });
        }
    }

    /** Returns when the stream ends or fails: both mean that the writer's end is closed. */
    static void waitForEndOfInput(InputStream in) {
        byte[] ignored = new byte[256];
        try {
            while (in.read(ignored) >= 0) {
                // the parent writes nothing; anything read is not a message
            }
        } catch (IOException e) {
            // a broken pipe is a closed one
        }
    }

    private static void end(Path scratch, int exitCode, String why) {
        System.err.println("flightdeck child: ending: " + why);
        deleteTree(scratch);
        Runtime.getRuntime().halt(exitCode);
    }

    /** Best effort: a file still open is unlinked all the same on the systems this runs on. */
    static void deleteTree(Path dir) {
        FileTrees.deleteQuietly(dir);
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
