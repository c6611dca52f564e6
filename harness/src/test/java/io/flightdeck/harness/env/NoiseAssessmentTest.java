package io.flightdeck.harness.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NoiseAssessmentTest {

    private static final long MIB = 1L << 20;

    /** One sample per second; other-process CPU = busy - measured. */
    private static List<NoiseSample> series(double[] otherCores, long[] swap) {
        List<NoiseSample> out = new ArrayList<>();
        for (int i = 0; i < otherCores.length; i++) {
            double measured = 1.0; // the benchmark itself keeps one core busy
            out.add(new NoiseSample((i + 1) * 1000L, 1000, measured + otherCores[i], measured,
                    swap == null ? 0L : swap[i], 0.5 + i * 0.1));
        }
        return out;
    }

    private static NoiseReport assess(String governor, int cores, List<NoiseSample> samples) {
        return new NoiseAssessment(cores, governor, null, Duration.ofSeconds(samples.size()), samples).report();
    }

    @Test
    void quietSeriesHasNoWarnings() {
        NoiseReport r = assess("performance", 8, series(new double[]{0.02, 0.10, 0.05, 0.0, 0.2}, null));

        assertThat(r.warnings()).isEmpty();
        assertThat(r.quiet()).isTrue();
        assertThat(r.sampleCount()).isEqualTo(5);
        assertThat(r.durationMillis()).isEqualTo(5000);
        assertThat(r.meanOtherCpuCores()).isCloseTo(0.074, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.maxOtherCpuCores()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.swapUsedStartBytes()).isZero();
        assertThat(r.swapUsedMaxBytes()).isZero();
        assertThat(r.loadAverageMaxOneMin()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void noGovernorAtAllIsNotAWarning() {
        assertThat(assess(null, 2, series(new double[]{0.0, 0.0}, null)).quiet()).isTrue();
    }

    @Test
    void busyOtherProcessOnAverageWarnsWithTheFigure() {
        NoiseReport r = assess("performance", 8, series(new double[]{0.4, 0.5, 0.3, 0.4}, null));

        assertThat(r.quiet()).isFalse();
        assertThat(r.warnings()).singleElement().asString().contains("0.40").contains("on average");
    }

    @Test
    void sustainedPeakWarnsButASingleSpikeDoesNot() {
        // mean stays under 0.25 in both; only the sustained one crosses 1 core twice in a row
        double[] spike = new double[20];
        spike[5] = 1.8;
        double[] sustained = new double[20];
        sustained[5] = 1.3;
        sustained[6] = 1.7;
        sustained[7] = 1.2;

        NoiseReport single = assess("performance", 8, series(spike, null));
        NoiseReport twice = assess("performance", 8, series(sustained, null));

        assertThat(single.warnings()).isEmpty();
        assertThat(single.maxOtherCpuCores()).isCloseTo(1.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(twice.warnings()).singleElement().asString()
                .contains("3 consecutive samples").contains("1.70");
    }

    @Test
    void swapGrowthWarnsWithBothFigures() {
        NoiseReport r = assess("performance", 8,
                series(new double[]{0, 0, 0}, new long[]{0, 64 * MIB, 128 * MIB}));

        assertThat(r.warnings()).singleElement().asString()
                .contains("grew").contains("0 B").contains("128.0 MiB");
        assertThat(r.swapUsedStartBytes()).isZero();
        assertThat(r.swapUsedMaxBytes()).isEqualTo(128 * MIB);
    }

    @Test
    void swapInUseButFlatWarnsDifferently() {
        NoiseReport r = assess("performance", 8,
                series(new double[]{0, 0, 0}, new long[]{10 * MIB, 10 * MIB, 10 * MIB}));

        assertThat(r.warnings()).singleElement().asString()
                .contains("in use").contains("10.0 MiB").doesNotContain("grew");
    }

    @Test
    void swapAtStartFromTheMonitorCountsAsTheBaseline() {
        List<NoiseSample> s = series(new double[]{0, 0}, new long[]{5 * MIB, 5 * MIB});
        NoiseReport r = new NoiseAssessment(8, "performance", 0L, Duration.ofSeconds(2), s).report();

        assertThat(r.swapUsedStartBytes()).isZero();
        assertThat(r.warnings()).singleElement().asString().contains("grew");
    }

    @Test
    void powersaveGovernorWarns() {
        NoiseReport r = assess("powersave", 8, series(new double[]{0, 0}, null));

        assertThat(r.warnings()).singleElement().asString().contains("'powersave'");
        assertThat(r.governor()).isEqualTo("powersave");
    }

    @Test
    void singleCoreWarns() {
        NoiseReport r = assess("performance", 1, series(new double[]{0, 0}, null));

        assertThat(r.warnings()).singleElement().asString().contains("Only 1 logical core");
    }

    @Test
    void noSamplesIsNotQuiet() {
        NoiseReport r = assess("performance", 8, List.of());

        assertThat(r.quiet()).isFalse();
        assertThat(r.sampleCount()).isZero();
    }

    @Test
    void otherCoresNeverNegative() {
        assertThat(new NoiseSample(1000, 1000, 0.9, 1.0, null, null).otherCores()).isZero();
    }

    @Test
    void everyProblemAtOnceGivesOneWarningEach() {
        NoiseReport r = assess("ondemand", 1,
                series(new double[]{1.5, 1.5, 1.5}, new long[]{0, MIB, 2 * MIB}));

        assertThat(r.warnings()).hasSize(5);
    }

    @Test
    void reportJsonRoundTrip() throws Exception {
        NoiseReport r = assess("powersave", 8, series(new double[]{0.5, 0.5}, new long[]{0, MIB}));
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(r);

        assertThat(mapper.readTree(json).get("quiet").asBoolean()).isFalse();
        assertThat(mapper.readValue(json, NoiseReport.class)).isEqualTo(r);
    }
}
