package io.flightdeck.harness.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Change points of made-up series whose changes are known: no clock, no machine, a seeded generator. */
class EDivisiveTest {

    private static final EDivisive DEFAULT = new EDivisive(HistoryChanges.Settings.DEFAULTS.minRuns(),
            HistoryChanges.Settings.DEFAULTS.significance());

    /** A found change this close to the planted one is a hit. */
    private static final int TOLERANCE = 2;

    /** Figures around 100 with relative normal noise, stepped up by {@code step} from index {@code at} on. */
    private static double[] series(Random random, int length, double noise, double step, int at) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = 100 * (i >= at ? 1 + step : 1) * (1 + noise * random.nextGaussian());
        }
        return v;
    }

    @Test
    void aCleanStepIsFoundWhereItIs() {
        double[] v = new double[30];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 17 ? 10 + (i % 3) * 0.1 : 12 + (i % 3) * 0.1;
        }
        List<EDivisive.Split> found = DEFAULT.changePoints(v);
        assertThat(found).extracting(EDivisive.Split::index).containsExactly(17);
        assertThat(found.get(0).pValue()).isLessThan(0.001);
    }

    @Test
    void stepsOf5To50PercentInNoiseOf2To20PercentArePlacedAndNoiseIsNotTakenForOne() {
        double[] noises = {0.02, 0.05, 0.10, 0.20};
        double[] steps = {0.05, 0.10, 0.20, 0.30, 0.50};
        Random random = new Random(20);
        int hits = 0;
        int nearby = 0;
        int elsewhere = 0;
        int detectable = 0;
        int detectableHits = 0;
        StringBuilder table = new StringBuilder("noise step  found (planted at)\n");
        for (double noise : noises) {
            for (double step : steps) {
                int at = 20 + random.nextInt(21);
                double[] v = series(random, 60, noise, step, at);
                List<EDivisive.Split> found = DEFAULT.changePoints(v);
                boolean hit = found.stream().anyMatch(s -> Math.abs(s.index() - at) <= TOLERANCE);
                hits += hit ? 1 : 0;
                nearby += (int) found.stream().filter(s -> Math.abs(s.index() - at) > TOLERANCE
                        && Math.abs(s.index() - at) <= 3 * TOLERANCE).count();
                elsewhere += (int) found.stream().filter(s -> Math.abs(s.index() - at) > 3 * TOLERANCE).count();
                if (step >= 2.5 * noise) { // a step 2.5 noise widths high, over 20 or more runs either side
                    detectable++;
                    detectableHits += hit ? 1 : 0;
                }
                table.append(String.format(Locale.ROOT, "%4.0f%% %4.0f%%  %s (%d)%n", noise * 100, step * 100,
                        found.stream().map(EDivisive.Split::index).toList(), at));
            }
        }
        System.out.print(table);
        System.out.printf(Locale.ROOT, "placed within %d runs: %d of 20 (of those 2.5 noise widths high or more: %d of "
                + "%d); found %d to %d runs off: %d; found elsewhere: %d%n", TOLERANCE, hits, detectableHits,
                detectable, TOLERANCE + 1, 3 * TOLERANCE, nearby, elsewhere);
        assertThat(detectableHits).as(table.toString()).isEqualTo(detectable);
        assertThat(elsewhere).as(table.toString()).isZero();
        assertThat(nearby).as(table.toString()).isLessThanOrEqualTo(2);
    }

    @Test
    void twentySeriesWithoutAChangeHaveNone() {
        Random random = new Random(7);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double noise = 0.02 + 0.18 * i / 19;
            List<EDivisive.Split> f = DEFAULT.changePoints(series(random, 60, noise, 0, 60));
            if (!f.isEmpty()) {
                found.add(i + ": " + f);
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void aRiseAndAFallAreBothFound() {
        double[] v = series(new Random(3), 60, 0.03, 0, 60);
        for (int i = 20; i < 40; i++) {
            v[i] *= 1.3;
        }
        assertThat(DEFAULT.changePoints(v)).extracting(EDivisive.Split::index)
                .allSatisfy(i -> assertThat(i).isBetween(18, 42)).hasSize(2)
                .anySatisfy(i -> assertThat(i).isBetween(18, 22))
                .anySatisfy(i -> assertThat(i).isBetween(38, 42));
    }

    @Test
    void aFewWildRunsAreNoChange() {
        double[] v = series(new Random(5), 40, 0.03, 0, 40);
        v[25] *= 3; // one run on a busy machine
        v[26] *= 3;
        assertThat(DEFAULT.changePoints(v)).isEmpty();
    }

    @Test
    void aShiftIsPlacedOnceItHasLastedASegment() {
        double[] v = series(new Random(11), 32, 0.02, 0.5, 27); // 5 runs after the step, the fewest a segment has
        assertThat(DEFAULT.changePoints(v)).extracting(EDivisive.Split::index).containsExactly(27);
    }

    @Test
    void theSameSeriesAlwaysGivesTheSameAnswer() {
        double[] v = series(new Random(13), 50, 0.10, 0.15, 25);
        assertThat(DEFAULT.changePoints(v)).isEqualTo(DEFAULT.changePoints(v.clone()));
    }

    @Test
    void aSeriesWithNoNumberOrSettingsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> DEFAULT.changePoints(new double[] {1, Double.NaN, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EDivisive(1, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EDivisive(5, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DEFAULT.changePoints(new double[0])).isEmpty();
        assertThat(DEFAULT.changePoints(new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5})).isEmpty();
    }
}
