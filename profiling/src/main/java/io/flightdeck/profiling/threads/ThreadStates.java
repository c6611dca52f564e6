package io.flightdeck.profiling.threads;

import java.util.List;
import java.util.Map;

/**
 * Where the measured threads' time went: running Java, running native code, blocked on a lock, waiting, sleeping,
 * file I/O, socket I/O, and what no event explains ("other"), per recording and per thread. How samples become time
 * and what "measured" means: {@link ThreadStatesCollector}.
 *
 * @param source       the events the states come from
 * @param sampleNanos  the time each kind of sample stands for, by event type (from the recording's settings)
 * @param threads      threads measured (Java threads with at least one sample or wait event in the window)
 * @param virtualThreads of those, virtual threads (counted one by one; their rows in {@code byThread} are groups)
 * @param measuredNanos the measured threads' time: the sum of their lifetimes within the window
 * @param total        every state's time and its share of {@code measuredNanos}, in the order of {@link #STATES}
 * @param workingThreads the measured threads that worked ({@link #WORKING_PERCENT}); the rest only waited, slept or
 *                     did what no event explains (idle pools, timers, a harness's thread waiting for its workers)
 * @param working      every state's time and its share over the working threads alone: what a reader means by
 *                     "where the time went" (one busy thread among ten idle ones reads as busy, not as 90 % waiting);
 *                     empty when no thread worked
 * @param byThread     the same per thread, the busiest first (at most the analysis's top count)
 * @param notes        what the reader should know about these figures (thresholds, samplers' limits)
 */
public record ThreadStates(String source, Map<String, Long> sampleNanos, long threads, long virtualThreads,
                           long measuredNanos,
                           List<StateTime> total, long workingThreads, List<StateTime> working,
                           List<ThreadTime> byThread, List<String> notes) {

    public static final String JAVA = "java";
    public static final String NATIVE = "native";
    public static final String BLOCKED = "blocked";
    public static final String WAITING = "waiting";
    public static final String SLEEPING = "sleeping";
    public static final String FILE_IO = "fileIo";
    public static final String SOCKET_IO = "socketIo";
    public static final String OTHER = "other";
    /** The states, in the order every list of them follows. */
    public static final List<String> STATES = List.of(JAVA, NATIVE, BLOCKED, WAITING, SLEEPING, FILE_IO, SOCKET_IO, OTHER);
    /**
     * A thread worked if it ran (Java or native), waited on a lock or did I/O (having run) for at least this share of
     * its life, in percent, and {@linkplain #IDLE_PERCENT idled} less. An idle pool thread's wake-ups stay far below it; a worker
     * that mostly waits on a contended lock or a slow disk is far above.
     */
    public static final double WORKING_PERCENT = 1.0;
    /**
     * A thread that waited (park, wait with nothing to acquire) or slept for this share of its life or more, in
     * percent, is idle whatever it did in between: a sampler or timer thread that wakes for a few milliseconds every
     * tenth of a second did not do the program's work.
     */
    public static final double IDLE_PERCENT = 90.0;
    /**
     * A group of virtual threads that ran for at least this share of all measured threads' running time, in percent,
     * worked whatever its own life's shares say: two thousand virtual threads that each slept most of their lives did
     * the program's work between them. (Not for a platform thread: a timer that waits 95 % of its life can hold a
     * tenth of a lock-bound program's little CPU.)
     */
    public static final double CPU_SHARE_PERCENT = 10.0;

    /** One state's time and its share in percent of the whole (the recording's or the thread's). */
    public record StateTime(String state, long nanos, double percent) {
    }

    /**
     * A thread's states, or a group's: virtual threads are grouped by name ({@code io.flightdeck.profiling.Threads}).
     *
     * @param thread        the thread's name, or the group's
     * @param lifetimeNanos its life within the window (a group's: the sum of its threads')
     * @param states        every state's time and its share of {@code lifetimeNanos}
     * @param threads       the threads in the row: 1, or a group's count
     * @param virtual       a group of virtual threads
     * @param working       whether the row counts among the working threads ({@link #worked()}, or for a group
     *                      of virtual threads {@link #CPU_SHARE_PERCENT} of all threads' running time)
     */
    public record ThreadTime(String thread, long lifetimeNanos, List<StateTime> states, long threads, boolean virtual,
                             boolean working) {

        /** One platform thread, working as its own life's shares say ({@link #worked()}). */
        public ThreadTime(String thread, long lifetimeNanos, List<StateTime> states) {
            this(thread, lifetimeNanos, states, 1, false, worked(states));
        }

        public double percent(String state) {
            return ThreadStates.percent(states, state);
        }

        /**
         * Whether the thread worked: ran, waited on a lock or did I/O for {@link #WORKING_PERCENT} of its life, and
         * waited or slept for less than {@link #IDLE_PERCENT} of it. I/O counts only for a thread that also ran: a
         * thread that never ran and sat in a read (a watch on stdin, an idle server's accept) was waiting for input,
         * which JFR's native samples call I/O.
         */
        public boolean worked() {
            return worked(states);
        }

        static boolean worked(List<StateTime> states) {
            double running = ThreadStates.percent(states, JAVA) + ThreadStates.percent(states, NATIVE);
            double io = running > 0 ? ThreadStates.percent(states, FILE_IO) + ThreadStates.percent(states, SOCKET_IO) : 0;
            return running + ThreadStates.percent(states, BLOCKED) + io >= WORKING_PERCENT
                    && ThreadStates.percent(states, WAITING) + ThreadStates.percent(states, SLEEPING) < IDLE_PERCENT;
        }


    }

    /**
     * Whether a thread is the recorder's own, not the program's: JFR's ("JFR Recorder Thread", "JFR Periodic Tasks",
     * "JFR Shutdown Hook") and async-profiler's ("Async-profiler Timer"). They are listed, never among the working
     * threads: a 3-second program's headline read a quarter "other" from JFR's threads waiting in the JVM.
     */
    public static boolean isRecorders(String thread) {
        return thread != null && (thread.startsWith("JFR ") || thread.startsWith("Async-profiler"));
    }

    /** The working threads' shares when any thread worked, else all measured threads'. */
    public List<StateTime> headline() {
        return workingThreads > 0 ? working : total;
    }

    public double percent(String state) {
        return percent(total, state);
    }

    /** A state's share in a list of them; 0 if absent. */
    public static double percent(List<StateTime> states, String state) {
        if (states == null) {
            return 0;
        }
        for (StateTime s : states) {
            if (s.state().equals(state)) {
                return s.percent();
            }
        }
        return 0;
    }

    /** The thread of that name, or null. */
    public ThreadTime thread(String name) {
        return byThread.stream().filter(t -> t.thread().equals(name)).findFirst().orElse(null);
    }

    /** Nothing measured: a recording without any of the events, or an analysis that skipped this section. */
    public static ThreadStates empty() {
        return new ThreadStates("none", Map.of(), 0, 0, 0, List.of(), 0, List.of(), List.of(), List.of());
    }
}
