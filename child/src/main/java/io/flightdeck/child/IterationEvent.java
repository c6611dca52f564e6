package io.flightdeck.child;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * The child's mark of one iteration in its own recording: its span is the iteration. The analysis of a workload
 * reads only what starts inside the measured ones (profiling's {@code MeasuredWindow}). Enabled, without a threshold and without
 * a stack trace by its own annotations, so that every settings file records it, a user's .jfc that never names it
 * included: JFR applies an event's annotations where the settings say nothing. One event per iteration costs
 * nothing next to the iteration.
 */
@Name(IterationEvent.NAME)
@Label("Flightdeck Iteration")
@Description("A cold start, warm-up or measured iteration of a workload's case, run by Flightdeck's child JVM")
@Category({"Flightdeck"})
@Enabled(true)
@StackTrace(false)
@Threshold("0 ns")
public final class IterationEvent extends Event {

    // The names below are duplicated from profiling's MeasuredWindow, which reads these marks: the child runs on the
    // user's class path with nothing of profiling (its JMC, its JFR parsing) in it. A harness test checks they agree.
    /** The event's name, {@code MeasuredWindow.ITERATION_EVENT}. */
    public static final String NAME = "io.flightdeck.Iteration";
    /** The field naming the phase, {@code MeasuredWindow.PHASE_FIELD}. */
    public static final String PHASE_FIELD = "phase";
    public static final String COLD_START = "cold-start";
    public static final String WARM_UP = "warm-up";
    public static final String MEASURED = "measured";

    @Label("Workload")
    String workload;

    @Label("Case") // not named "case": JDK 25 refuses a field name that is a Java keyword
    String caseLabel;

    @Name(IterationEvent.PHASE_FIELD)
    @Label("Phase")
    @Description("cold-start, warm-up or measured")
    String phase;

    @Label("Iteration")
    @Description("Index within its phase, from 0")
    long iteration;

    /** Begun now; {@link #finish} ends and commits it. */
    static IterationEvent begin(String workload, String caseLabel, String phase, long iteration) {
        IterationEvent e = new IterationEvent();
        e.workload = workload;
        e.caseLabel = caseLabel;
        e.phase = phase;
        e.iteration = iteration;
        e.begin();
        return e;
    }

    /** Ends the iteration and writes the mark (whatever happened in it: a failed iteration was still run). */
    void finish() {
        end();
        commit();
    }
}
