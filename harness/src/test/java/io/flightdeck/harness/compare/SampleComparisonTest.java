package io.flightdeck.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The regression test on synthetic samples, where the truth is known. */
class SampleComparisonTest {

    private static final ChangeThresholds T = ChangeThresholds.DEFAULTS;

    /** {@code n} samples around {@code mean} with normal noise of relative size {@code cv}. */
    static double[] samples(int n, double mean, double cv, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // Box–Muller: SplittableRandom has no nextGaussian on JDK 17
            double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            out[i] = mean * (1 + cv * g);
        }
        return out;
    }

    @Test
    void identicalDistributionsAreNoChangeAndNeverARegression() {
        Map<ChangeVerdict, Integer> seen = new EnumMap<>(ChangeVerdict.class);
        for (long seed = 0; seed < 200; seed++) {
            MetricChange c = SampleComparison.compare(samples(10, 1_000, 0.05, seed), samples(10, 1_000, 0.05,
                    seed + 10_000), Direction.LOWER_IS_BETTER, T);
            seen.merge(c.verdict(), 1, Integer::sum);
        }
        assertThat(seen.getOrDefault(ChangeVerdict.REGRESSED, 0)).as("%s", seen).isZero();
        assertThat(seen.getOrDefault(ChangeVerdict.NO_CHANGE, 0)).as("%s", seen).isGreaterThanOrEqualTo(180);
    }

    @Test
    void aTwentyPercentSlowdownWithLowNoiseRegresses() {
        MetricChange c = SampleComparison.compare(samples(10, 1_000, 0.02, 1), samples(10, 1_200, 0.02, 2),
                Direction.LOWER_IS_BETTER, T);
        assertThat(c.verdict()).as(c.reason()).isEqualTo(ChangeVerdict.REGRESSED);
        assertThat(c.change()).isBetween(0.17, 0.23);
        assertThat(c.lower()).isGreaterThan(0.10);
        assertThat(c.pValue()).isLessThan(0.01);
        assertThat(c.reason()).startsWith("worse by +").contains("beyond the +10.0 % limit");
    }

    @Test
    void aSlowdownBeyondTheLimitWhoseIntervalReachesBelowItIsInconclusive() {
        MetricChange c = SampleComparison.compare(samples(8, 1_000, 0.08, 31), samples(8, 1_150, 0.08, 32),
                Direction.LOWER_IS_BETTER, T);
        assertThat(c.change()).isGreaterThan(0.10);
        assertThat(c.lower()).isLessThan(0.10);
        assertThat(c.verdict()).as(c.reason()).isEqualTo(ChangeVerdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("reaches below the +10.0 % limit");
    }

    @Test
    void aTwentyPercentDropInThroughputRegressesAndARiseImproves() {
        MetricChange drop = SampleComparison.compare(samples(10, 5_000, 0.02, 3), samples(10, 4_000, 0.02, 4),
                Direction.HIGHER_IS_BETTER, T);
        assertThat(drop.verdict()).as(drop.reason()).isEqualTo(ChangeVerdict.REGRESSED);
        MetricChange rise = SampleComparison.compare(samples(10, 5_000, 0.02, 3), samples(10, 6_000, 0.02, 4),
                Direction.HIGHER_IS_BETTER, T);
        assertThat(rise.verdict()).as(rise.reason()).isEqualTo(ChangeVerdict.IMPROVED);
    }

    @Test
    void aFivePercentShiftIsNoChangeEvenWhenItIsReal() {
        MetricChange c = SampleComparison.compare(samples(15, 1_000, 0.01, 5), samples(15, 1_050, 0.01, 6),
                Direction.LOWER_IS_BETTER, T);
        assertThat(c.verdict()).as(c.reason()).isEqualTo(ChangeVerdict.NO_CHANGE);
        assertThat(c.reason()).contains("within the +10.0 % limit");
    }

    @Test
    void aShiftInsideTheNoiseThresholdIsNoChange() {
        MetricChange c = SampleComparison.compare(samples(30, 1_000, 0.002, 7), samples(30, 1_010, 0.002, 8),
                Direction.LOWER_IS_BETTER, T);
        assertThat(c.verdict()).as(c.reason()).isEqualTo(ChangeVerdict.NO_CHANGE);
        assertThat(c.reason()).contains("noise threshold");
    }

    @Test
    void tinySamplesAreInconclusiveAndSaySo() {
        MetricChange c = SampleComparison.compare(new double[]{1, 2, 3}, new double[]{4, 5, 6, 7},
                Direction.LOWER_IS_BETTER, T);
        assertThat(c.verdict()).isEqualTo(ChangeVerdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("too few samples", "3 against 4");
    }

    @Test
    void noisySamplesThatCannotRuleOutARegressionAreInconclusive() {
        MetricChange c = SampleComparison.compare(samples(6, 1_000, 0.30, 9), samples(6, 1_080, 0.30, 10),
                Direction.LOWER_IS_BETTER, T);
        assertThat(c.verdict()).as(c.reason()).isEqualTo(ChangeVerdict.INCONCLUSIVE);
        assertThat(c.reason()).startsWith("too noisy");
    }

    @Test
    void oneWildIterationDoesNotMakeARegression() {
        double[] base = samples(10, 1_000, 0.02, 11);
        double[] cur = samples(10, 1_000, 0.02, 12);
        cur[4] = 50_000; // a GC storm in one iteration
        MetricChange c = SampleComparison.compare(base, cur, Direction.LOWER_IS_BETTER, T);
        assertThat(c.verdict()).as(c.reason()).isEqualTo(ChangeVerdict.NO_CHANGE);
    }

    @Test
    void theSameSamplesAlwaysGiveTheSameInterval() {
        double[] base = samples(10, 1_000, 0.05, 13);
        double[] cur = samples(10, 1_100, 0.05, 14);
        MetricChange a = SampleComparison.compare(base, cur, Direction.LOWER_IS_BETTER, T);
        MetricChange b = SampleComparison.compare(base, cur, Direction.LOWER_IS_BETTER, T);
        assertThat(a).isEqualTo(b);
    }
}
