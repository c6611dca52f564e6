package io.flightdeck.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.flightdeck.child.IterationEvent;
import io.flightdeck.jmh.IterationMark;
import io.flightdeck.profiling.MeasuredWindow;

/** The child writes its iteration marks under names it duplicates (it has nothing of profiling); they must agree. */
class IterationMarkNamesTest {

    @Test
    void theChildMarksIterationsUnderTheNamesTheAnalysisReads() {
        assertThat(IterationEvent.NAME).isEqualTo(MeasuredWindow.ITERATION_EVENT);
        assertThat(IterationEvent.PHASE_FIELD).isEqualTo(MeasuredWindow.PHASE_FIELD);
        assertThat(IterationEvent.COLD_START).isEqualTo(MeasuredWindow.COLD_START);
        assertThat(IterationEvent.WARM_UP).isEqualTo(MeasuredWindow.WARM_UP);
        assertThat(IterationEvent.MEASURED).isEqualTo(MeasuredWindow.MEASURED);
        // and so does the JMH profiler, which marks JMH's iterations inside each fork
        assertThat(IterationMark.NAME).isEqualTo(MeasuredWindow.ITERATION_EVENT);
        assertThat(IterationMark.PHASE_FIELD).isEqualTo(MeasuredWindow.PHASE_FIELD);
        assertThat(IterationMark.WARM_UP).isEqualTo(MeasuredWindow.WARM_UP);
        assertThat(IterationMark.MEASURED).isEqualTo(MeasuredWindow.MEASURED);
    }
}
