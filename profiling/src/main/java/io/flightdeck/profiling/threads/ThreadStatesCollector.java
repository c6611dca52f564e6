package io.flightdeck.profiling.threads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.EventCollector;
import io.flightdeck.profiling.Frames;
import io.flightdeck.profiling.Threads;
import io.flightdeck.profiling.locks.Parks;

/**
 * Time by thread state ({@link ThreadStates}), per recording and per Java thread.
 *
 * <p><b>Which threads, and the denominator.</b> A thread is measured if it is a Java thread with at least one
 * sample or wait event in the window. Its time is its lifetime within the window: from its {@code jdk.ThreadStart}
 * (or the window's start, if it started before) to its {@code jdk.ThreadEnd} (or the window's end). The recording's
 * shares are the sum of each state over the measured threads, divided by the sum of their lifetimes. JVM-internal
 * threads (GC, compiler) are not measured.
 *
 * <p><b>Samples into time.</b> Each CPU sample stands for the sampling period of its event type, read from the
 * recording's {@code jdk.ActiveSetting} ("10 ms" for {@code jdk.ExecutionSample} and "20 ms" for
 * {@code jdk.NativeMethodSample} in the profile settings; 20 ms if a recording does not say). The sources, best first:
 * <ol>
 *   <li>async-profiler's wall-clock samples ({@code profiler.WallClockSample}): every thread is sampled whatever its
 *       state, so they give all states at once ({@code samples × interval}, 50 ms unless the settings say otherwise):
 *       runnable is Java or native by the top frame, unless the top Java frame sleeps, parks or waits (or a
 *       monitor's entry is above it: {@link #waitAtTop}), which is that wait; otherwise the Java stack says blocked,
 *       waiting, sleeping or I/O (unknown off-CPU native waits are "other"). The duration events are then not used. They also give a
 *       wall-clock call tree ({@link #wallTree()}).</li>
 *   <li>{@code jdk.CPUTimeSample} (JDK 25): each carries its own {@code samplingPeriod}; a sample is native when its
 *       top frame is native.</li>
 *   <li>{@code jdk.ExecutionSample}: JFR's are running Java; async-profiler's (frames with native types, or the
 *       descriptor "()L;") are Java or native by their top frame. Plus JFR's {@code jdk.NativeMethodSample} for
 *       native: a thread "in native" may be blocked there (a socket read, a read of a pipe), so a native sample
 *       inside a recorded I/O event of its thread is not counted twice, and one whose top frame is the JDK's file or
 *       socket I/O ({@code FileInputStream.readBytes}, {@code sun.nio.ch.Net.poll}, …) counts as that I/O. JFR's
 *       sampler takes at most one native thread per period (JDK 17 to 25): with several threads in native code at
 *       once, each one's native time is under-read, and the rest shows as "other".</li>
 * </ol>
 * Blocked, waiting, sleeping and I/O come from duration events: {@code jdk.JavaMonitorEnter} and lock parks
 * (blocked; {@link Parks} says which parks are), the other parks and {@code jdk.JavaMonitorWait} (waiting),
 * {@code jdk.ThreadSleep} (sleeping), {@code jdk.FileRead}/{@code FileWrite} and {@code jdk.SocketRead}/{@code
 * SocketWrite} (I/O). JFR records these only above a threshold (10 ms in "profile"; I/O on JDK 25 also throttled):
 * shorter ones are in "other".
 *
 * <p><b>Working threads.</b> Besides all measured threads, the same sums over the threads that worked (ran, waited on
 * a lock or did I/O for {@link ThreadStates#WORKING_PERCENT} of their life, and idled for less than
 * {@link ThreadStates#IDLE_PERCENT} of it): a single-threaded workload's split
 * would otherwise read mostly "waiting", filled by the JVM's idle pools and the harness's thread parked on its
 * worker. The headline figures are the working threads'; the whole table stays.
 *
 * <p><b>Virtual threads</b> are counted one by one ({@link ThreadStates#virtualThreads}) and shown as one row per
 * name, numbers aside ({@link io.flightdeck.profiling.Threads}): a program may run thousands, most unnamed. Each one's
 * life is its first to its last event ({@code jdk.VirtualThreadStart} and {@code End} are off in JFR's own settings,
 * and kept for every thread they would cost memory per thread ever started): a thread per request lives
 * milliseconds, and the window's whole length would read almost all "other". JFR records a virtual thread's sleeps (until it runs again on a carrier), not its waits for locks,
 * monitors or conditions (JDK 25); async-profiler samples the carrier threads, JFR's samplers the virtual threads.
 * A group of virtual threads that ran for {@link ThreadStates#CPU_SHARE_PERCENT} of all measured threads' running
 * time is working whatever its own shares: the group of virtual threads that did a program's work slept most of each one's life.
 *
 * <p>What no source explains is "other", shown, never spread over the rest. A thread whose states add to more than
 * its lifetime (samples are estimates) is measured against their sum, so that no share passes 100 %.
 */
public final class ThreadStatesCollector extends EventCollector {

    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final String NATIVE_SAMPLE = "jdk.NativeMethodSample";
    public static final String CPU_TIME_SAMPLE = "jdk.CPUTimeSample";
    public static final String CPU_TIME_SAMPLES_LOST = "jdk.CPUTimeSamplesLost";
    public static final String WALL_SAMPLE = "profiler.WallClockSample";
    public static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    public static final String MONITOR_WAIT = "jdk.JavaMonitorWait";
    public static final String THREAD_PARK = "jdk.ThreadPark";
    public static final String THREAD_SLEEP = "jdk.ThreadSleep";
    public static final String FILE_READ = "jdk.FileRead";
    public static final String FILE_WRITE = "jdk.FileWrite";
    public static final String SOCKET_READ = "jdk.SocketRead";
    public static final String SOCKET_WRITE = "jdk.SocketWrite";
    public static final String THREAD_START = "jdk.ThreadStart";
    public static final String THREAD_END = "jdk.ThreadEnd";

    /** The event types this collector reads. */
    public static final Set<String> TYPES = Set.of(EXECUTION_SAMPLE, NATIVE_SAMPLE, CPU_TIME_SAMPLE,
            CPU_TIME_SAMPLES_LOST, WALL_SAMPLE, MONITOR_ENTER, MONITOR_WAIT, THREAD_PARK, THREAD_SLEEP, FILE_READ,
            FILE_WRITE, SOCKET_READ, SOCKET_WRITE, THREAD_START, THREAD_END);

    static final long DEFAULT_PERIOD = 20_000_000L;
    static final long ASYNC_PROFILER_CPU_INTERVAL = 10_000_000L;
    static final long ASYNC_PROFILER_WALL_INTERVAL = 50_000_000L;

    private static final int JAVA = 0;
    private static final int NATIVE = 1;
    private static final int BLOCKED = 2;
    private static final int WAITING = 3;
    private static final int SLEEPING = 4;
    private static final int FILE_IO = 5;
    private static final int SOCKET_IO = 6;
    private static final int OTHER = 7;

    private final Map<Long, PerThread> threads = new HashMap<>();
    /** The Java id of the thread named "main", by its OS thread id ({@link #key}). */
    private final Map<Long, Long> mainByOsThread = new HashMap<>();
    private final Map<RecordedStackTrace, Boolean> nativeTop = new IdentityHashMap<>();
    private final CallTree wallTree;
    /** A thread's time is its lifetime inside these intervals, when the analysis covers only them. */
    private final io.flightdeck.profiling.MeasuredWindow measured;
    private long executionSamples;
    private long asyncProfilerSamples;
    private long nativeSamples;
    private long cpuTimeSamples;
    private long cpuTimeLost;
    private long wallSamples;
    private long cpuTimePeriod;

    public ThreadStatesCollector(Frames frames, int maxTreeNodes) {
        this(frames, maxTreeNodes, null);
    }

    /** {@code measured}: the measured iterations the analysis is limited to, or null for the whole window. */
    public ThreadStatesCollector(Frames frames, int maxTreeNodes, io.flightdeck.profiling.MeasuredWindow measured) {
        super(frames);
        this.wallTree = new CallTree(maxTreeNodes);
        this.measured = measured;
    }

    /**
     * A thread's start and end are read whatever the window: a worker started before the measured iterations (with
     * its case) and ended after them has its life inside them, not the whole window's (read as "other" before: each
     * of three cases' workers was charged all three cases' time).
     */
    @Override
    public boolean windowed(String type) {
        return !THREAD_START.equals(type) && !THREAD_END.equals(type) && windowed();
    }

    @Override
    public void accept(RecordedEvent e, String type) {
        switch (type) {
            case EXECUTION_SAMPLE -> {
                PerThread t = thread(e.getThread("sampledThread"));
                if (t != null) {
                    observe(t, e, 0);
                    if (isNativeTop(e.getStackTrace())) {
                        asyncProfilerSamples++; // the JDK's sampler never stops in native frames
                        t.execNative++;
                    } else {
                        t.execJava++;
                    }
                    executionSamples++;
                }
            }
            case NATIVE_SAMPLE -> {
                PerThread t = thread(e.getThread("sampledThread"));
                if (t != null) {
                    observe(t, e, 0);
                    nativeSamples++;
                    t.nativeStamps.add(nanos(e.getStartTime()));
                    int io = ioState(Frames.top(frames.rootFirst(e.getStackTrace())));
                    t.nativeStamps.add(io < 0 ? NATIVE : io);
                }
            }
            case CPU_TIME_SAMPLE -> {
                PerThread t = thread(e.getThread());
                if (t != null) {
                    observe(t, e, 0);
                    cpuTimeSamples++;
                    long period = e.getDuration("samplingPeriod").toNanos();
                    cpuTimePeriod = period;
                    if (isNativeTop(e.getStackTrace())) {
                        t.cpuTimeNative += period;
                    } else {
                        t.cpuTimeJava += period;
                    }
                }
            }
            case CPU_TIME_SAMPLES_LOST -> cpuTimeLost += e.getLong("lostSamples");
            case WALL_SAMPLE -> wall(e);
            case THREAD_START -> {
                PerThread t = known(e.getThread("thread"));
                if (t != null) {
                    t.start = nanos(e.getStartTime());
                }
            }
            case THREAD_END -> {
                PerThread t = known(e.getThread("thread"));
                if (t != null) {
                    t.end = nanos(e.getStartTime());
                }
            }
            default -> interval(e, type);
        }
    }

    private void interval(RecordedEvent e, String type) {
        long duration = e.getDuration().toNanos();
        if (duration <= 0) {
            return;
        }
        int state = switch (type) {
            case MONITOR_ENTER -> BLOCKED;
            case THREAD_PARK -> Parks.isContention(frames.rootFirst(e.getStackTrace())) ? BLOCKED : WAITING;
            case MONITOR_WAIT -> WAITING;
            case THREAD_SLEEP -> SLEEPING;
            case FILE_READ, FILE_WRITE -> FILE_IO;
            case SOCKET_READ, SOCKET_WRITE -> SOCKET_IO;
            default -> -1;
        };
        PerThread t = state < 0 ? null : thread(e.getThread());
        if (t == null) {
            return;
        }
        observe(t, e, duration);
        long start = nanos(e.getStartTime());
        t.intervals.add(start);
        t.intervals.add(start + duration);
        t.intervals.add(state);
    }

    private void wall(RecordedEvent e) {
        PerThread t = thread(e.getThread("sampledThread"));
        if (t == null) {
            return;
        }
        observe(t, e, 0);
        long samples = e.hasField("samples") ? Math.max(1, e.getLong("samples")) : 1;
        wallSamples += samples;
        String[] names = frames.rootFirst(e.getStackTrace());
        String state = e.hasField("state") ? e.getString("state") : null;
        int s;
        if (state != null && state.contains("RUNNABLE")) {
            // a thread in Thread.sleep, a park, a wait or a monitor's entry that reads runnable has been woken and
            // waits for a core (or runs the JVM's way out of the wait): the time is the wait's, as the program
            // itself would time it. Beside a second test JVM a sleeper asleep 51 % of its life read 17 % sleeping
            // and the rest "native" when the state alone decided.
            int wait = waitAtTop(names, nativeFramesOnTop(e.getStackTrace()));
            s = wait >= 0 ? wait : isNativeTop(e.getStackTrace()) ? NATIVE : JAVA;
        } else {
            s = offCpuState(names);
        }
        t.wall[s] += samples;
        wallTree.addShared(names, samples);
    }

    /** What a thread off the CPU was doing, from its stack (top first): the first frame that tells. */
    static int offCpuState(String[] rootFirst) {
        for (int i = rootFirst.length - 1; i >= 0; i--) {
            String f = rootFirst[i];
            if (isMonitorEnter(f)) {
                return BLOCKED;
            }
            int wait = javaWait(f, rootFirst);
            if (wait >= 0) {
                return wait;
            }
            int io = ioState(f);
            if (io >= 0) {
                return io;
            }
        }
        return OTHER;
    }

    /**
     * BLOCKED, WAITING or SLEEPING when the stack (root first; its top {@code nativeOnTop} frames native) ends in a
     * wait: a monitor's entry among those native frames, or a top Java frame that sleeps, parks or waits; else -1.
     * I/O is not judged here: a runnable thread in the JDK's I/O code may be working (and {@code java.net.} frames
     * also load classes).
     */
    static int waitAtTop(String[] rootFirst, int nativeOnTop) {
        int top = rootFirst.length - 1;
        for (int i = top; i > top - nativeOnTop && i >= 0; i--) {
            if (isMonitorEnter(rootFirst[i])) {
                return BLOCKED;
            }
        }
        int java = top - nativeOnTop;
        return java < 0 ? -1 : javaWait(rootFirst[java], rootFirst);
    }

    /** Whether a native frame is the JVM entering a contended monitor. */
    private static boolean isMonitorEnter(String f) {
        return f.contains("ObjectMonitor::enter") || f.contains("ObjectMonitor::EnterI")
                || f.contains("ObjectSynchronizer::enter");
    }

    /** BLOCKED or WAITING for a park (by what it parks for), WAITING for a wait, SLEEPING for a sleep; else -1. */
    private static int javaWait(String f, String[] rootFirst) {
        if (f.startsWith("jdk.internal.misc.Unsafe.park(") || f.startsWith("sun.misc.Unsafe.park(")) {
            return Parks.isContention(rootFirst) ? BLOCKED : WAITING;
        }
        if (f.startsWith("java.lang.Object.wait")) {
            return WAITING;
        }
        return f.startsWith("java.lang.Thread.sleep") ? SLEEPING : -1;
    }

    /** How many of a stack's top frames are native (the C library's, the JVM's, the kernel's). */
    private static int nativeFramesOnTop(RecordedStackTrace stack) {
        if (stack == null) {
            return 0;
        }
        int n = 0;
        for (RecordedFrame frame : stack.getFrames()) {
            if (!isNative(frame)) {
                break;
            }
            n++;
        }
        return n;
    }

    /** FILE_IO or SOCKET_IO for a frame of the JDK's file or socket I/O, else -1. */
    static int ioState(String f) {
        if (f.startsWith("java.net.") || f.startsWith("sun.nio.ch.Net.") || f.startsWith("sun.nio.ch.Socket")
                || f.startsWith("sun.nio.ch.NioSocketImpl.") || f.startsWith("sun.nio.ch.EPoll.")
                || f.startsWith("sun.nio.ch.ServerSocketChannelImpl.") || f.startsWith("sun.nio.ch.DatagramDispatcher.")) {
            return SOCKET_IO;
        }
        if (f.startsWith("java.io.FileInputStream.") || f.startsWith("java.io.FileOutputStream.")
                || f.startsWith("java.io.RandomAccessFile.") || f.startsWith("sun.nio.ch.FileDispatcherImpl.")
                || f.startsWith("sun.nio.ch.UnixFileDispatcherImpl.") || f.startsWith("sun.nio.ch.FileChannelImpl.")
                || f.startsWith("sun.nio.fs.UnixNativeDispatcher.")) {
            return FILE_IO;
        }
        return -1;
    }

    /**
     * Whether a sample's top frame is native code: a JNI method (frame type "Native"), or one of async-profiler's
     * native frames (types "C++", "Kernel", descriptor "()L;" or "(Lk;)L;").
     */
    private boolean isNativeTop(RecordedStackTrace stack) {
        if (stack == null) {
            return false;
        }
        Boolean known = nativeTop.get(stack);
        if (known == null) {
            List<RecordedFrame> frames = stack.getFrames();
            known = !frames.isEmpty() && isNative(frames.get(0));
            if (nativeTop.size() >= Frames.MAX_CACHED) {
                nativeTop.clear();
            }
            nativeTop.put(stack, known);
        }
        return known;
    }

    static boolean isNative(RecordedFrame frame) {
        String type = frame.getType();
        if ("Native".equals(type) || "C++".equals(type) || "Kernel".equals(type)) {
            return true;
        }
        String descriptor = frame.getMethod() == null ? null : frame.getMethod().getDescriptor();
        return "()L;".equals(descriptor) || "(Lk;)L;".equals(descriptor);
    }

    /** The thread's accumulator, made on its first event; null for a thread that is not a Java thread. */
    private PerThread thread(RecordedThread t) {
        PerThread p = known(t);
        if (p != null) {
            p.active = true;
        }
        return p;
    }

    private PerThread known(RecordedThread t) {
        if (t == null || t.getJavaThreadId() <= 0) {
            return null;
        }
        boolean virtual = Threads.isVirtual(t);
        PerThread p = threads.computeIfAbsent(key(t), id -> new PerThread(virtual));
        p.name = frames.threadName(t);
        if (Threads.MAIN.equals(t.getJavaName()) && t.getOSThreadId() > 0) {
            mainByOsThread.putIfAbsent(t.getOSThreadId(), t.getJavaThreadId());
        }
        return p;
    }

    /**
     * A thread by its Java id, but the launcher's main thread as one: once {@code main} returns, the JVM attaches
     * that OS thread again as a new Java thread, DestroyJavaVM, and async-profiler, which keeps a thread's last name,
     * files all of main's samples under it. Matched by OS thread id, for that name only (OS ids are reused).
     */
    private long key(RecordedThread t) {
        if (Threads.DESTROY_JAVA_VM.equals(t.getJavaName())) {
            Long main = mainByOsThread.get(t.getOSThreadId());
            if (main != null) {
                return main;
            }
        }
        return t.getJavaThreadId();
    }

    /**
     * A virtual thread's life as its events show it: most recordings leave out {@code jdk.VirtualThreadStart} and
     * {@code End} (off in JFR's own settings: a program may start millions), and a thread per request lives for
     * milliseconds, so the whole window would be almost all "other".
     */
    private static void observe(PerThread t, RecordedEvent e, long durationNanos) {
        if (t.virtual) {
            long at = nanos(e.getStartTime());
            t.first = Math.min(t.first, at);
            t.last = Math.max(t.last, at + durationNanos);
        }
    }

    /** The wall-clock call tree (weights in samples); empty without async-profiler's wall-clock samples. */
    public CallTree wallTree() {
        return wallTree;
    }

    /**
     * @param from     the window's start
     * @param to       the window's end
     * @param settings the recording's settings, "eventType#name" to value
     * @param top      threads listed at most
     */
    public ThreadStates result(Instant from, Instant to, Map<String, String> settings, int top) {
        long lo = nanos(from);
        long hi = nanos(to);
        boolean useWall = wallSamples > 0;
        boolean useCpuTime = !useWall && cpuTimeSamples > 0;
        boolean asyncProfiler = settings.containsKey(EXECUTION_SAMPLE + "#interval") || asyncProfilerSamples > 0;
        long execPeriod = asyncProfiler
                ? orDefault(parse(settings.get(EXECUTION_SAMPLE + "#interval")), ASYNC_PROFILER_CPU_INTERVAL)
                : orDefault(parse(settings.get(EXECUTION_SAMPLE + "#period")), DEFAULT_PERIOD);
        long nativePeriod = orDefault(parse(settings.get(NATIVE_SAMPLE + "#period")), DEFAULT_PERIOD);
        long wallPeriod = wallPeriod(settings);

        Map<String, Long> sampleNanos = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        String source;
        if (useWall) {
            source = WALL_SAMPLE;
            sampleNanos.put(WALL_SAMPLE, wallPeriod);
            notes.add("Wall-clock samples: a runnable thread (on a CPU or waiting for one) counts as running Java or "
                    + "native, unless its top Java frame sleeps, parks or waits (it was woken and waits for a core); "
                    + "off the CPU, its stack says which wait; an unknown wait in native code is \"other\"");
        } else {
            source = (useCpuTime ? CPU_TIME_SAMPLE : nativeSamples > 0 ? EXECUTION_SAMPLE + " + " + NATIVE_SAMPLE
                    : EXECUTION_SAMPLE) + " + duration events";
            if (useCpuTime) {
                sampleNanos.put(CPU_TIME_SAMPLE, cpuTimePeriod); // each sample's own samplingPeriod; the last one
                if (cpuTimeLost > 0) {
                    notes.add(String.format(Locale.ROOT, "%,d CPU-time samples were lost (jdk.CPUTimeSamplesLost): "
                            + "their time is in \"other\"", cpuTimeLost));
                }
            } else {
                sampleNanos.put(EXECUTION_SAMPLE, execPeriod);
                if (nativeSamples > 0) {
                    sampleNanos.put(NATIVE_SAMPLE, nativePeriod);
                    notes.add("Native is time in native code, running or waiting there (jdk.NativeMethodSample "
                            + "cannot tell); a native sample in the JDK's file or socket I/O counts as that I/O");
                    notes.add("JFR samples at most one thread in native code per period: with several threads in "
                            + "native code at once, their native time is under-read (the rest is in \"other\")");
                }
            }
            notes.add("Blocked, waiting, sleeping and I/O count only waits over the recording's thresholds"
                    + thresholds(settings) + "; shorter ones are in \"other\"");
        }

        long[] sum = new long[OTHER + 1];
        long measured = 0;
        long threadCount = 0;
        List<Row> rows = new ArrayList<>();
        Map<String, Row> virtualGroups = new LinkedHashMap<>();
        for (PerThread t : threads.values()) {
            if (!t.active) {
                continue;
            }
            long born = t.start != Long.MIN_VALUE ? t.start : t.virtual && t.first != Long.MAX_VALUE ? t.first : lo;
            long died = t.end != Long.MAX_VALUE ? t.end : t.virtual && t.last != Long.MIN_VALUE ? t.last : hi;
            long start = Math.max(lo, born);
            long end = Math.min(hi, died);
            long lifetime = this.measured == null || end <= start ? Math.max(0, end - start)
                    : (long) (this.measured.secondsBetween(instant(start), instant(end)) * 1e9);
            long[] states = new long[OTHER + 1];
            if (useWall) {
                for (int s = 0; s <= OTHER; s++) {
                    states[s] = t.wall[s] * wallPeriod;
                }
            } else {
                t.addIntervals(states, lo, hi);
                if (useCpuTime) {
                    states[JAVA] = t.cpuTimeJava;
                    states[NATIVE] = t.cpuTimeNative;
                } else {
                    states[JAVA] = t.execJava * execPeriod;
                    states[NATIVE] = t.execNative * execPeriod;
                    t.addNativeOutsideIo(states, nativePeriod);
                }
            }
            long explained = 0;
            for (long n : states) {
                explained += n; // "other" is 0 here except for wall-clock samples off the CPU in no known wait
            }
            states[OTHER] += Math.max(0, lifetime - explained);
            long whole = Math.max(lifetime, explained);
            if (whole == 0) {
                continue;
            }
            threadCount++;
            measured += whole;
            for (int s = 0; s <= OTHER; s++) {
                sum[s] += states[s];
            }
            if (t.virtual) {
                virtualGroups.computeIfAbsent(t.name, name -> new Row(name, true)).add(states, whole);
            } else {
                rows.add(new Row(t.name, false).add(states, whole));
            }
        }
        rows.addAll(virtualGroups.values());
        if (!virtualGroups.isEmpty()) {
            notes.add(virtualNote(virtualGroups.values(), !useWall && (useCpuTime || !asyncProfiler)));
        }

        long running = sum[JAVA] + sum[NATIVE];
        long[] workingSum = new long[OTHER + 1];
        long workingNanos = 0;
        long working = 0;
        List<ThreadStates.ThreadTime> times = new ArrayList<>();
        for (Row r : rows) {
            List<ThreadStates.StateTime> shares = shares(r.states, r.whole);
            boolean recorders = !r.virtual && ThreadStates.isRecorders(r.name);
            boolean worked = !recorders && (ThreadStates.ThreadTime.worked(shares) || r.virtual && running > 0
                    && r.states[JAVA] + r.states[NATIVE] >= ThreadStates.CPU_SHARE_PERCENT / 100 * running);
            times.add(new ThreadStates.ThreadTime(r.name, r.whole, shares, r.threads, r.virtual, worked));
            if (worked) {
                working += r.threads;
                workingNanos += r.whole;
                for (int s = 0; s <= OTHER; s++) {
                    workingSum[s] += r.states[s];
                }
            }
        }
        List<ThreadStates.ThreadTime> sorted = times.stream()
                .sorted(Comparator.comparingLong(ThreadStatesCollector::busyNanos).reversed()
                        .thenComparing(ThreadStates.ThreadTime::thread))
                .limit(top)
                .toList();
        long virtualThreads = virtualGroups.values().stream().mapToLong(g -> g.threads).sum();
        return new ThreadStates(rows.isEmpty() ? "none" : source, sampleNanos, threadCount, virtualThreads, measured,
                rows.isEmpty() ? List.of() : shares(sum, measured), working,
                working == 0 ? List.of() : shares(workingSum, workingNanos), sorted,
                rows.isEmpty() ? List.of() : notes);
    }

    /** Time a row ran, waited on a lock or did I/O: the busiest first. */
    private static long busyNanos(ThreadStates.ThreadTime t) {
        return t.states().stream()
                .filter(s -> !s.state().equals(ThreadStates.WAITING) && !s.state().equals(ThreadStates.SLEEPING)
                        && !s.state().equals(ThreadStates.OTHER))
                .mapToLong(ThreadStates.StateTime::nanos).sum();
    }

    /**
     * What a reader of virtual threads' rows needs to know: they are groups; their lives are read from their events;
     * their sleeps and waits include the wait for a carrier; and, under async-profiler, their running time is their
     * carriers'.
     */
    private static String virtualNote(java.util.Collection<Row> groups, boolean samplesSeeVirtualThreads) {
        long count = groups.stream().mapToLong(g -> g.threads).sum();
        return String.format(Locale.ROOT, "%,d virtual thread%s, in %d row%s by name: each one's life is read from "
                        + "its first to its last event; a sleep or "
                        + "wait of a virtual thread lasts until it runs again on a carrier thread, and JFR does not "
                        + "record its waits for locks, monitors and conditions (they are in \"other\")%s",
                count, count == 1 ? "" : "s", groups.size(), groups.size() == 1 ? "" : "s",
                samplesSeeVirtualThreads ? ""
                        : "; async-profiler samples the carrier threads (ForkJoinPool workers), so the virtual threads'"
                        + " running time shows on their carriers");
    }

    /** A row of the table: a platform thread, or a group of virtual threads of one name. */
    private static final class Row {
        final String name;
        final boolean virtual;
        final long[] states = new long[OTHER + 1];
        long whole;
        long threads;

        Row(String name, boolean virtual) {
            this.name = name;
            this.virtual = virtual;
        }

        Row add(long[] threadStates, long threadWhole) {
            for (int s = 0; s <= OTHER; s++) {
                states[s] += threadStates[s];
            }
            whole += threadWhole;
            threads++;
            return this;
        }
    }

    /** " (10 ms for locks, 1 ms for file and socket I/O)" as the settings say, or nothing if they do not. */
    private static String thresholds(Map<String, String> settings) {
        List<String> parts = new ArrayList<>();
        String locks = settings.get(MONITOR_ENTER + "#threshold");
        String file = settings.get(FILE_READ + "#threshold");
        String socket = settings.get(SOCKET_READ + "#threshold");
        if (locks != null) {
            parts.add(locks + " for locks and sleeps");
        }
        if (file != null && file.equals(socket)) {
            parts.add(file + " for file and socket I/O");
        } else {
            if (file != null) {
                parts.add(file + " for file I/O");
            }
            if (socket != null) {
                parts.add(socket + " for socket I/O");
            }
        }
        if (settings.containsKey(FILE_READ + "#throttle")) {
            parts.add("I/O throttled to " + settings.get(FILE_READ + "#throttle"));
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private long wallPeriod(Map<String, String> settings) {
        long wall = orDefault(parse(settings.get(EXECUTION_SAMPLE + "#wall")), 0);
        if (wall > 0) {
            return wall;
        }
        long interval = orDefault(parse(settings.get(EXECUTION_SAMPLE + "#interval")), 0);
        return executionSamples == 0 && interval > 0 ? interval : ASYNC_PROFILER_WALL_INTERVAL;
    }

    private static List<ThreadStates.StateTime> shares(long[] states, long whole) {
        List<ThreadStates.StateTime> out = new ArrayList<>(states.length);
        for (int s = 0; s < states.length; s++) {
            out.add(new ThreadStates.StateTime(ThreadStates.STATES.get(s), states[s],
                    whole == 0 ? 0 : 100.0 * states[s] / whole));
        }
        return out;
    }

    private static long orDefault(long value, long otherwise) {
        return value > 0 ? value : otherwise;
    }

    /** {@link io.flightdeck.profiling.SettingDurations#nanos}. */
    static long parse(String setting) {
        return io.flightdeck.profiling.SettingDurations.nanos(setting);
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** One thread's events, as they arrive (in no particular order). */
    private static final class PerThread {
        final boolean virtual;
        String name;
        boolean active;
        /** A virtual thread's first and last moments in its events. */
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long start = Long.MIN_VALUE;
        long end = Long.MAX_VALUE;
        long execJava;
        long execNative;
        long cpuTimeJava;
        long cpuTimeNative;
        final long[] wall = new long[OTHER + 1];
        /** JFR's native samples: time, state (native, file or socket I/O). */
        final LongList nativeStamps = new LongList();
        /** start, end, state: three longs per duration event. */
        final LongList intervals = new LongList();

        PerThread(boolean virtual) {
            this.virtual = virtual;
        }

        /** The duration events' time by state, clipped to the window. */
        void addIntervals(long[] states, long lo, long hi) {
            for (int i = 0; i < intervals.size; i += 3) {
                long s = Math.max(lo, intervals.values[i]);
                long e = Math.min(hi, intervals.values[i + 1]);
                if (e > s) {
                    states[(int) intervals.values[i + 2]] += e - s;
                }
            }
        }

        /**
         * JFR's native samples not inside one of the thread's recorded I/O events (a thread blocked in a read is "in
         * native" too), each as native code or, when its top frame is the JDK's file or socket I/O, as that I/O
         * (shorter than the I/O events' threshold, or never ending, as a read of a pipe that waits for input).
         */
        void addNativeOutsideIo(long[] states, long period) {
            List<long[]> io = new ArrayList<>();
            for (int i = 0; i < intervals.size; i += 3) {
                int state = (int) intervals.values[i + 2];
                if (state == FILE_IO || state == SOCKET_IO) {
                    io.add(new long[] {intervals.values[i], intervals.values[i + 1]});
                }
            }
            // a thread's I/O events do not overlap: sorted by start, the span that can hold a sample is the last
            // one starting at or before it
            io.sort(Comparator.comparingLong(span -> span[0]));
            long[] starts = io.stream().mapToLong(span -> span[0]).toArray();
            for (int i = 0; i < nativeStamps.size; i += 2) {
                long at = nativeStamps.values[i];
                int k = Arrays.binarySearch(starts, at);
                int last = k >= 0 ? k : -k - 2;
                if (last < 0 || at >= io.get(last)[1]) {
                    states[(int) nativeStamps.values[i + 1]] += period;
                }
            }
        }
    }

    /** A growing array of longs: a thread's events without a boxed object each. */
    private static final class LongList {
        long[] values = new long[8];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
