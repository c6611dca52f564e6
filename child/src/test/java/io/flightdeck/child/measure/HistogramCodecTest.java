package io.flightdeck.child.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramCodecTest {

    @Test
    void aHistogramSurvivesTheRoundTripAndItsStatsWithIt() {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 10_000; i++) {
            h.recordValue(i * 100L);
        }
        Histogram back = HistogramCodec.decode(HistogramCodec.encode(h));
        assertThat(back.getTotalCount()).isEqualTo(10_000);
        assertThat(LatencyStats.of(back)).isEqualTo(LatencyStats.of(h));
        // p95 of 100..1,000,000 step 100 is 950,000 within HdrHistogram's 3 significant digits
        assertThat(LatencyStats.of(back).p95()).isBetween(949_000L, 951_000L);
    }

    @Test
    void anEmptyHistogramHasZeroStats() {
        LatencyStats s = LatencyStats.of(HistogramCodec.decode(HistogramCodec.encode(new Histogram(3))));
        assertThat(s.count()).isZero();
        assertThat(s.p99()).isZero();
    }

    @Test
    void garbageIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> HistogramCodec.decode("bm90IGEgaGlzdG9ncmFt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an encoded histogram");
    }
}
