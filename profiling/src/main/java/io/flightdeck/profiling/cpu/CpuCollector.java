package io.flightdeck.profiling.cpu;

import java.util.HashSet;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.EventCollector;
import io.flightdeck.profiling.Tally;
import io.flightdeck.profiling.Threads;

/** Execution samples into self and inclusive method counts, thread counts and the CPU call tree. */
public final class CpuCollector extends EventCollector {

    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final String NATIVE_SAMPLE = "jdk.NativeMethodSample";

    private final Tally self = new Tally();
    private final Tally inclusive = new Tally();
    private final Tally threads = new Tally();
    private final CallTree tree;
    private final Set<String> seenInStack = new HashSet<>();
    private long samples;
    private long nativeSamples;

    public CpuCollector(int maxTreeNodes) {
        this.tree = new CallTree(maxTreeNodes);
    }

    @Override
    public void accept(RecordedEvent e, String type) {
        if (NATIVE_SAMPLE.equals(type)) {
            nativeSamples++;
            return;
        }
        samples++;
        RecordedStackTrace stack = e.getStackTrace();
        int n = frames.rootFirst(stack);
        String[] names = frames.buffer();
        self.add(n == 0 ? "[no stack trace]" : names[n - 1], 1);
        seenInStack.clear();
        for (int i = 0; i < n; i++) {
            if (seenInStack.add(names[i])) { // a recursive method counts once per sample
                inclusive.add(names[i], 1);
            }
        }
        RecordedThread thread = e.getThread("sampledThread");
        threads.add(Threads.name(thread), 1);
        tree.add(names, n, 1);
    }

    public CpuAnalysis result(int top) {
        return new CpuAnalysis(samples, nativeSamples, self.top(top, samples), inclusive.top(top, samples),
                threads.top(top, samples));
    }

    public CallTree tree() {
        return tree;
    }
}
