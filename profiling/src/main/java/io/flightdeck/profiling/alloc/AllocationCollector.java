package io.flightdeck.profiling.alloc;

import jdk.jfr.consumer.RecordedEvent;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.EventCollector;
import io.flightdeck.profiling.Frames;
import io.flightdeck.profiling.Tally;

/**
 * Allocation events into bytes by site, class and thread, and the allocation call tree. Samples
 * ({@code jdk.ObjectAllocationSample}, JDK 16+) are preferred; the TLAB events, which older recordings and some
 * settings carry instead, are kept apart and used only when there are no samples, because the two estimate the same
 * bytes differently and must not be added together.
 */
public final class AllocationCollector extends EventCollector {

    public static final String SAMPLE = "jdk.ObjectAllocationSample";
    public static final String IN_NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
    public static final String OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";

    private final Part samples;
    private final Part tlab;

    private final boolean rank;

    /** {@code rank}: whether to tally sites, classes and threads; the tree is built either way. */
    public AllocationCollector(Frames frames, int maxTreeNodes, boolean rank) {
        super(frames);
        this.samples = new Part(maxTreeNodes);
        this.tlab = new Part(maxTreeNodes);
        this.rank = rank;
    }

    @Override
    public void accept(RecordedEvent e, String type) {
        switch (type) {
            case SAMPLE -> samples.add(e, e.getLong("weight"));
            // a new TLAB stands for all the small allocations that will fill it; outside one, the object itself.
            // Why only until the first sample: the result uses the samples whenever there are any.
            case IN_NEW_TLAB -> {
                if (samples.count == 0) {
                    tlab.add(e, e.getLong("tlabSize"));
                }
            }
            case OUTSIDE_TLAB -> {
                if (samples.count == 0) {
                    tlab.add(e, e.getLong("allocationSize"));
                }
            }
            default -> {
            }
        }
    }

    /** Whether any allocation sample was read: then TLAB events are not needed. */
    public boolean hasSamples() {
        return samples.count > 0;
    }

    public AllocationAnalysis result(int top, double seconds) {
        Part used = samples.count > 0 ? samples : tlab;
        String source = samples.count > 0 ? SAMPLE : tlab.count > 0 ? "jdk.ObjectAllocationInNewTLAB/OutsideTLAB" : "none";
        return new AllocationAnalysis(source, used.count, used.bytes, seconds > 0 ? used.bytes / seconds : 0,
                used.bySite.top(top, used.bytes), used.byClass.top(top, used.bytes),
                used.byThread.top(top, used.bytes));
    }

    /** The call tree of allocated bytes, from the same events as {@link #result}. */
    public CallTree tree() {
        return samples.count > 0 ? samples.tree : tlab.tree;
    }

    private final class Part {
        final Tally bySite = new Tally();
        final Tally byClass = new Tally();
        final Tally byThread = new Tally();
        final CallTree tree;
        long count;
        long bytes;

        Part(int maxTreeNodes) {
            tree = new CallTree(maxTreeNodes);
        }

        void add(RecordedEvent e, long weight) {
            if (weight <= 0) {
                return;
            }
            count++;
            bytes += weight;
            String[] names = frames.rootFirst(e.getStackTrace());
            tree.addShared(names, weight);
            if (rank) {
                bySite.add(Frames.top(names), weight);
                byClass.add(frames.className(e.getClass("objectClass")), weight);
                byThread.add(frames.threadName(e.getThread()), weight);
            }
        }
    }
}
