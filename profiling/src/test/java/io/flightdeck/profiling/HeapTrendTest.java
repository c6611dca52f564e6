package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A planted growing live set gives a positive post-GC slope; the same program keeping nothing gives one near zero. */
class HeapTrendTest {

    @TempDir
    Path dir;

    @Test
    void aGrowingLiveSetHasAPositiveSlopeAndASteadyOneNone() throws Exception {
        // a 16 MiB young generation: a collection every few hundred milliseconds, dozens in the run
        Analysis grow = RecordingAnalyzer.analyze(TestRecordings.record(dir, "grow", 8, "grow", "-Xmn16m"),
                AnalysisOptions.defaults());
        Analysis steady = RecordingAnalyzer.analyze(TestRecordings.record(dir, "steady", 8, "steady", "-Xmn16m"),
                AnalysisOptions.defaults());

        Double growing = grow.gc().postGcSlope().bytesPerSecond();
        Double flat = steady.gc().postGcSlope().bytesPerSecond();
        assertThat(growing).as("grow: %s", grow.gc().heapAfterGc()).isNotNull();
        assertThat(flat).as("steady: %s", steady.gc().heapAfterGc()).isNotNull();
        // the program keeps 64 KiB every 8 ms of wall time, 8 MiB/s however fast the machine: a post-GC slope that
        // lags it (promotion, collections that miss the newest arrays) still stays far above this bound
        assertThat(growing).isGreaterThan(250_000.0);
        assertThat(Math.abs(flat)).isLessThan(growing / 5);
    }

    @Test
    void theTheilSenSlopeIgnoresOutliers() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] y = {0, 10, 20, 30, 40, 5000, 60, 70, 80, 90}; // one collection caught a burst
        assertThat(TheilSen.slope(x, y)).isEqualTo(10.0);
        assertThat(TheilSen.slope(new double[] {1, 1}, new double[] {2, 3})).isNaN();
    }
}
