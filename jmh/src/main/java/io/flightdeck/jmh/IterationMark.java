package io.flightdeck.jmh;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * One JMH iteration marked in its fork's recording, under the name and fields Flightdeck's own children use for
 * theirs (the child's {@code IterationEvent}, read by profiling's {@code MeasuredWindow}; a harness test checks that
 * the names agree). Duplicated rather than shared: this profiler runs on the project's JMH class path with nothing
 * of Flightdeck beside it. Enabled, unthresholded and without a stack trace by its own annotations, so that any JFR
 * settings record it.
 */
@Name(IterationMark.NAME)
@Label("Flightdeck Iteration")
@Description("A warm-up or measured iteration of a JMH benchmark, marked by Flightdeck's JMH profiler")
@Category({"Flightdeck"})
@Enabled(true)
@StackTrace(false)
@Threshold("0 ns")
public final class IterationMark extends Event {

    public static final String NAME = "io.flightdeck.Iteration";
    public static final String PHASE_FIELD = "phase";
    public static final String WARM_UP = "warm-up";
    public static final String MEASURED = "measured";

    @Label("Workload")
    String workload;

    @Label("Case")
    String caseLabel;

    @Name(PHASE_FIELD)
    @Label("Phase")
    String phase;

    @Label("Iteration")
    long iteration;

    /** Begun now; {@link #finish} ends and commits it. */
    static IterationMark begin(String benchmark, String caseLabel, String phase, long iteration) {
        IterationMark m = new IterationMark();
        m.workload = benchmark;
        m.caseLabel = caseLabel;
        m.phase = phase;
        m.iteration = iteration;
        m.begin();
        return m;
    }

    void finish() {
        end();
        commit();
    }
}
