package io.flightdeck.profiling.locks;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.EventCollector;
import io.flightdeck.profiling.Frames;
import io.flightdeck.profiling.Tally;

/**
 * Monitor enters and lock parks into blocked time by site, class and thread, and the lock call tree (weights in ns);
 * the other parks into waits by site and thread. Which park is which, and what a site is: {@link Parks}.
 */
public final class LockCollector extends EventCollector {

    public static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    public static final String THREAD_PARK = "jdk.ThreadPark";

    private final Tally bySite = new Tally();
    private final Tally byClass = new Tally();
    private final Tally byThread = new Tally();
    private final Tally waitsBySite = new Tally();
    private final Tally waitsByThread = new Tally();
    private final CallTree tree;
    private long events;
    private long monitorEnters;
    private long parks;
    private long blocked;
    private long waits;
    private long waited;

    public LockCollector(Frames frames, int maxTreeNodes) {
        super(frames);
        this.tree = new CallTree(maxTreeNodes);
    }

    @Override
    public void accept(RecordedEvent e, String type) {
        long nanos = e.getDuration().toNanos();
        if (nanos <= 0) {
            return;
        }
        String[] names = frames.rootFirst(e.getStackTrace());
        RecordedClass c;
        String site;
        if (MONITOR_ENTER.equals(type)) {
            monitorEnters++;
            c = e.getClass("monitorClass");
            site = Frames.top(names);
        } else if (THREAD_PARK.equals(type)) {
            site = Parks.site(names);
            if (!Parks.isContention(names)) {
                waits++;
                waited += nanos;
                waitsBySite.add(site, nanos);
                waitsByThread.add(frames.threadName(e.getThread()), nanos);
                return;
            }
            parks++;
            c = e.getClass("parkedClass");
        } else {
            return;
        }
        events++;
        blocked += nanos;
        bySite.add(site, nanos);
        byClass.add(c == null ? "[none]" : frames.className(c), nanos);
        byThread.add(frames.threadName(e.getThread()), nanos);
        tree.addShared(names, nanos);
    }

    public LockAnalysis result(int top) {
        return new LockAnalysis(events, blocked, monitorEnters, parks, bySite.top(top, blocked),
                byClass.top(top, blocked), byThread.top(top, blocked), waits, waited, waitsBySite.top(top, waited),
                waitsByThread.top(top, waited));
    }

    /** The contention's stacks; waits are not in it. */
    public CallTree tree() {
        return tree;
    }
}
