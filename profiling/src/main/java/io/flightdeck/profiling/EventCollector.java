package io.flightdeck.profiling;

import jdk.jfr.consumer.RecordedEvent;

/** One section of an analysis, fed the events of the types it asked for during the single pass. */
public abstract class EventCollector {

    /** Shared by every collector of a pass: a stack is named once, whichever event meets it first. */
    protected final Frames frames;

    protected EventCollector(Frames frames) {
        this.frames = frames;
    }

    public abstract void accept(RecordedEvent event, String type);

    /** Whether the analysis window applies to this collector's events; true unless they describe the recording's end. */
    public boolean windowed() {
        return true;
    }

    /**
     * Whether the analysis window applies to events of this type: {@link #windowed()} unless a collector needs some
     * type whole (a thread's start and end, which bound its life inside the window however long before it they were).
     */
    public boolean windowed(String type) {
        return windowed();
    }
}
