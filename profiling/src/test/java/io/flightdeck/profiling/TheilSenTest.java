package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TheilSenTest {

    static double[][] line(int n, double slope, double noise, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 1_000 + slope * i + noise * random.nextGaussian();
        }
        return new double[][] {x, y};
    }

    @Test
    void anExactLineHasItsSlopeAndNoWidth() {
        double[][] p = line(20, 2.5, 0, 1);
        TheilSen.Fit fit = TheilSen.fit(p[0], p[1]);
        assertThat(fit.slope()).isEqualTo(2.5);
        assertThat(fit.lower()).isEqualTo(2.5);
        assertThat(fit.upper()).isEqualTo(2.5);
    }

    @Test
    void theIntervalHoldsTheTrueSlopeNearlyNineteenTimesInTwenty() {
        int covered = 0;
        for (long seed = 0; seed < 1_000; seed++) {
            double[][] p = line(30, 3, 40, seed);
            TheilSen.Fit fit = TheilSen.fit(p[0], p[1]);
            assertThat(fit.lower()).isLessThanOrEqualTo(fit.slope());
            assertThat(fit.upper()).isGreaterThanOrEqualTo(fit.slope());
            if (fit.lower() <= 3 && 3 <= fit.upper()) {
                covered++;
            }
        }
        // Sen's interval rests on a normal approximation of Kendall's tau: at 30 points it covers 93.7 % here
        assertThat(covered / 1_000.0).isBetween(0.92, 0.98);
    }

    @Test
    void aFlatNoisySeriesIsNotSignificantAndAGrowingOneIs() {
        double[][] flat = line(25, 0, 500, 7);
        assertThat(TheilSen.fit(flat[0], flat[1]).significantlyPositive()).isFalse();
        double[][] growing = line(25, 100, 500, 7);
        assertThat(TheilSen.fit(growing[0], growing[1]).significantlyPositive()).isTrue();
    }

    @Test
    void anOutlierMovesNeitherTheSlopeNorTheInterval() {
        double[][] p = line(20, 2, 1, 3);
        TheilSen.Fit before = TheilSen.fit(p[0], p[1]);
        p[1][10] += 1_000_000; // one collection that caught a burst
        TheilSen.Fit after = TheilSen.fit(p[0], p[1]);
        assertThat(after.slope()).isCloseTo(before.slope(), within(0.3));
        assertThat(after.upper()).isLessThan(3);
    }

    @Test
    void tooFewPointsGiveNothing() {
        assertThat(TheilSen.fit(new double[] {1}, new double[] {2}).slope()).isNaN();
        assertThat(TheilSen.fit(new double[] {1, 1}, new double[] {2, 3}).lower()).isNaN();
    }
}
