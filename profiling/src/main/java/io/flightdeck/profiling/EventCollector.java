package io.flightdeck.profiling;

import jdk.jfr.consumer.RecordedEvent;

/** One section of an analysis, fed the events of the types it asked for during the single pass. */
public abstract class EventCollector {

    /** Shared per collector: turning stacks into names allocates, so the buffer is reused. */
    protected final Frames frames = new Frames();

    public abstract void accept(RecordedEvent event, String type);
}
