package io.flightdeck.harness.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScalingFitTest {

    @Test
    void aLinearCostHasExponentOne() {
        ScalingFit fit = ScalingFit.of("p50", List.of(new ScalingFit.Point(100, 1_000), new ScalingFit.Point(1_000, 10_000),
                new ScalingFit.Point(10_000, 100_000)));
        assertThat(fit.exponent()).isCloseTo(1.0, within(1e-9));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aSquareRootCostHasExponentOneHalf() {
        ScalingFit fit = ScalingFit.of("p50", List.of(new ScalingFit.Point(100, 10), new ScalingFit.Point(10_000, 100),
                new ScalingFit.Point(1_000_000, 1_000)));
        assertThat(fit.exponent()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aFlatCostHasExponentZero() {
        ScalingFit fit = ScalingFit.of("p50", List.of(new ScalingFit.Point(100, 500), new ScalingFit.Point(100_000, 500)));
        assertThat(fit.exponent()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void fewerThanTwoUsablePointsGiveNoFit() {
        assertThat(ScalingFit.of("p50", List.of(new ScalingFit.Point(100, 5)))).isNull();
        assertThat(ScalingFit.of("p50", List.of(new ScalingFit.Point(100, 5), new ScalingFit.Point(0, 7)))).isNull();
    }
}
