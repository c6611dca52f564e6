package io.flightdeck.profiling.locks;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.EventCollector;
import io.flightdeck.profiling.Frames;
import io.flightdeck.profiling.Tally;

/** Monitor waits and parks into blocked time by site, class and thread, and the lock call tree (weights in ns). */
public final class LockCollector extends EventCollector {

    public static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    public static final String THREAD_PARK = "jdk.ThreadPark";

    private final Tally bySite = new Tally();
    private final Tally byClass = new Tally();
    private final Tally byThread = new Tally();
    private final CallTree tree;
    private long events;
    private long monitorEnters;
    private long parks;
    private long blocked;

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
        RecordedClass c;
        if (MONITOR_ENTER.equals(type)) {
            monitorEnters++;
            c = e.getClass("monitorClass");
        } else if (THREAD_PARK.equals(type)) {
            parks++;
            c = e.getClass("parkedClass");
        } else {
            return;
        }
        events++;
        blocked += nanos;
        String[] names = frames.rootFirst(e.getStackTrace());
        bySite.add(Frames.top(names), nanos);
        byClass.add(c == null ? "[none]" : frames.className(c), nanos);
        byThread.add(frames.threadName(e.getThread()), nanos);
        tree.addShared(names, nanos);
    }

    public LockAnalysis result(int top) {
        return new LockAnalysis(events, blocked, monitorEnters, parks, bySite.top(top, blocked),
                byClass.top(top, blocked), byThread.top(top, blocked));
    }

    public CallTree tree() {
        return tree;
    }
}
