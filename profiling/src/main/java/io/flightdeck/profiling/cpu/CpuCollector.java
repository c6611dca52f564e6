package io.flightdeck.profiling.cpu;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.EventCollector;
import io.flightdeck.profiling.Frames;
import io.flightdeck.profiling.SettingDurations;
import io.flightdeck.profiling.Tally;
import io.flightdeck.profiling.spi.ChunkOrigin;

/**
 * CPU samples into self and inclusive method counts, thread counts and the CPU call tree, kept apart by
 * {@link CpuSource}; the result uses the best source the recording holds.
 */
public final class CpuCollector extends EventCollector {

    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final String NATIVE_SAMPLE = "jdk.NativeMethodSample";
    public static final String CPU_TIME_SAMPLE = "jdk.CPUTimeSample";
    public static final String CPU_TIME_SAMPLES_LOST = "jdk.CPUTimeSamplesLost";
    /** async-profiler's CPU interval when a recording does not say (Flightdeck's default, and the agent's). */
    static final long ASYNC_PROFILER_INTERVAL = 10_000_000L;

    private final int maxTreeNodes;
    private final boolean rank;
    private final ChunkOrigin chunk;
    private final Map<CpuSource, Part> parts = new EnumMap<>(CpuSource.class);
    /** each cached stack's distinct methods, so recursion counts once per sample without a set per sample */
    private final Map<String[], String[]> distinct = new IdentityHashMap<>();
    /** whether each cached stack's top frame is native code */
    private final Map<RecordedStackTrace, Boolean> nativeTop = new IdentityHashMap<>();
    private long executionSamples;
    private long nativeSamples;
    private long waitingNativeSamples;
    private long asyncProfilerSamples;
    private long cpuTimeSamples;
    private long lostSamples;
    /** JDK 25's CPU-time samples' own periods, summed: the CPU time they stand for. */
    private long cpuTimeSampledNanos;
    private boolean sawLost;

    /**
     * @param rank  whether to tally methods and threads; the trees are built either way
     * @param chunk which program wrote the chunk being read, to tell async-profiler's samples from the JDK's
     */
    public CpuCollector(Frames frames, int maxTreeNodes, boolean rank, ChunkOrigin chunk) {
        super(frames);
        this.maxTreeNodes = maxTreeNodes;
        this.rank = rank;
        this.chunk = chunk;
    }

    @Override
    public void accept(RecordedEvent e, String type) {
        switch (type) {
            case EXECUTION_SAMPLE -> {
                if (chunk.asyncProfiler()) {
                    asyncProfilerSamples++;
                    add(CpuSource.ASYNC_PROFILER, e, "sampledThread");
                } else {
                    executionSamples++;
                    add(CpuSource.EXECUTION_AND_NATIVE, e, "sampledThread");
                }
            }
            case NATIVE_SAMPLE -> {
                nativeSamples++;
                if (WaitingNatives.waits(Frames.top(frames.rootFirst(e.getStackTrace())))) {
                    waitingNativeSamples++; // a thread blocked on input, not running: see WaitingNatives
                } else {
                    add(CpuSource.EXECUTION_AND_NATIVE, e, "sampledThread");
                }
            }
            case CPU_TIME_SAMPLE -> {
                cpuTimeSamples++;
                cpuTimeSampledNanos += e.getDuration("samplingPeriod").toNanos();
                add(CpuSource.CPU_TIME_SAMPLE, e, "eventThread");
            }
            case CPU_TIME_SAMPLES_LOST -> {
                sawLost = true;
                lostSamples += e.getLong("lostSamples");
            }
            default -> {
            }
        }
    }

    private void add(CpuSource source, RecordedEvent e, String threadField) {
        Part part = parts.computeIfAbsent(source, s -> new Part(maxTreeNodes));
        part.samples++;
        RecordedStackTrace stack = e.getStackTrace();
        if (inNative(stack)) {
            part.nativeSamples++;
        }
        String[] names = frames.rootFirst(stack);
        part.tree.addShared(names, 1);
        if (!rank) {
            return;
        }
        part.self.add(Frames.top(names), 1);
        for (String method : distinctMethods(names)) { // a recursive method counts once per sample
            part.inclusive.add(method, 1);
        }
        RecordedThread thread = e.getThread(threadField);
        part.threads.add(frames.threadName(thread), 1);
    }

    /** Whether a sample's top frame is native code: a JNI method, or async-profiler's C, C++ and kernel frames. */
    private boolean inNative(RecordedStackTrace stack) {
        if (stack == null) {
            return false;
        }
        Boolean n = nativeTop.get(stack); // stacks are pooled: decided once per stack, not per event
        if (n == null) {
            var top = stack.getFrames();
            n = !top.isEmpty() && Frames.isNative(top.get(0));
            if (nativeTop.size() >= Frames.MAX_CACHED) {
                nativeTop.clear();
            }
            nativeTop.put(stack, n);
        }
        return n;
    }

    private String[] distinctMethods(String[] names) {
        String[] d = distinct.get(names);
        if (d == null) {
            LinkedHashSet<String> methods = new LinkedHashSet<>(Arrays.asList(names));
            methods.remove(Frames.TRUNCATED); // a marker, not a method
            d = methods.toArray(String[]::new);
            if (distinct.size() >= Frames.MAX_CACHED) {
                distinct.clear();
            }
            distinct.put(names, d);
        }
        return d;
    }

    /** The best source with samples, or null when there are none. */
    public CpuSource source() {
        for (CpuSource s : CpuSource.values()) {
            Part p = parts.get(s);
            if (p != null && p.samples > 0) {
                return s;
            }
        }
        return null;
    }

    /**
     * The CPU time the samples of the source in use stand for, when they sample by CPU time (async-profiler: its
     * samples times its interval from the recording's settings, 10 ms if they do not say; JDK 25's CPU-time
     * sampler: each sample's own period); -1 for JFR's execution sampler, which samples by wall-clock time.
     */
    public long sampledCpuNanos(Map<String, String> settings) {
        CpuSource source = source();
        if (source == CpuSource.CPU_TIME_SAMPLE) {
            // lost samples were taken and dropped: their CPU time was seen, not missed
            return cpuTimeSampledNanos + (cpuTimeSamples == 0 ? 0 : lostSamples * (cpuTimeSampledNanos / cpuTimeSamples));
        }
        if (source == CpuSource.ASYNC_PROFILER) {
            long interval = SettingDurations.nanos(settings.get(EXECUTION_SAMPLE + "#interval"));
            return parts.get(source).samples * (interval > 0 ? interval : ASYNC_PROFILER_INTERVAL);
        }
        return -1;
    }

    /** @param debugNonSafepoints see {@link CpuAnalysis#debugNonSafepoints} */
    public CpuAnalysis result(int top, Boolean debugNonSafepoints) {
        CpuSource source = source();
        Part used = source == null ? new Part(0) : parts.get(source);
        Map<String, Long> bySource = new LinkedHashMap<>();
        putIfAny(bySource, CpuSource.ASYNC_PROFILER.label(), asyncProfilerSamples);
        putIfAny(bySource, CPU_TIME_SAMPLE, cpuTimeSamples);
        putIfAny(bySource, EXECUTION_SAMPLE, executionSamples);
        putIfAny(bySource, NATIVE_SAMPLE, nativeSamples);
        long n = used.samples;
        return new CpuAnalysis(n, nativeSamples, used.self.top(top, n), used.inclusive.top(top, n),
                used.threads.top(top, n), source == null ? "none" : source.label(), Collections.unmodifiableMap(bySource),
                used.nativeSamples, n == 0 ? 0.0 : 100.0 * used.nativeSamples / n,
                sawLost ? lostSamples : null, debugNonSafepoints,
                source == CpuSource.EXECUTION_AND_NATIVE ? waitingNativeSamples : null);
    }

    private static void putIfAny(Map<String, Long> map, String key, long value) {
        if (value > 0) {
            map.put(key, value);
        }
    }

    /** The call tree of the source {@link #result} uses: its total is that source's sample count. */
    public CallTree tree() {
        CpuSource source = source();
        return source == null ? new CallTree(maxTreeNodes) : parts.get(source).tree;
    }

    /** One source's samples. */
    private static final class Part {
        final Tally self = new Tally();
        final Tally inclusive = new Tally();
        final Tally threads = new Tally();
        final CallTree tree;
        long samples;
        long nativeSamples;

        Part(int maxTreeNodes) {
            tree = new CallTree(maxTreeNodes);
        }
    }
}
