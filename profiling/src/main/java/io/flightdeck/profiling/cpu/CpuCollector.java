package io.flightdeck.profiling.cpu;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.EventCollector;
import io.flightdeck.profiling.Frames;
import io.flightdeck.profiling.Tally;

/** Execution samples into self and inclusive method counts, thread counts and the CPU call tree. */
public final class CpuCollector extends EventCollector {

    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final String NATIVE_SAMPLE = "jdk.NativeMethodSample";

    private final Tally self = new Tally();
    private final Tally inclusive = new Tally();
    private final Tally threads = new Tally();
    private final CallTree tree;
    /** each cached stack's distinct methods, so recursion counts once per sample without a set per sample */
    private final Map<String[], String[]> distinct = new IdentityHashMap<>();
    private long samples;
    private long nativeSamples;

    private final boolean rank;

    /** {@code rank}: whether to tally methods and threads; the tree is built either way. */
    public CpuCollector(Frames frames, int maxTreeNodes, boolean rank) {
        super(frames);
        this.tree = new CallTree(maxTreeNodes);
        this.rank = rank;
    }

    @Override
    public void accept(RecordedEvent e, String type) {
        if (NATIVE_SAMPLE.equals(type)) {
            nativeSamples++;
            return;
        }
        samples++;
        String[] names = frames.rootFirst(e.getStackTrace());
        tree.addShared(names, 1);
        if (!rank) {
            return;
        }
        self.add(Frames.top(names), 1);
        for (String method : distinctMethods(names)) { // a recursive method counts once per sample
            inclusive.add(method, 1);
        }
        RecordedThread thread = e.getThread("sampledThread");
        threads.add(frames.threadName(thread), 1);
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

    public CpuAnalysis result(int top) {
        return new CpuAnalysis(samples, nativeSamples, self.top(top, samples), inclusive.top(top, samples),
                threads.top(top, samples));
    }

    public CallTree tree() {
        return tree;
    }
}
