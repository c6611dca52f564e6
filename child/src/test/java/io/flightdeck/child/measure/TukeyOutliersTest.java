package io.flightdeck.child.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TukeyOutliersTest {

    @Test
    void aSlowIterationAmongSteadyOnesIsAHighOutlier() {
        // quartiles by R-7: Q1 = 100, Q3 = 102, IQR = 2; fences 97 and 105, severe beyond 108
        TukeyOutliers t = TukeyOutliers.of(new double[] {100, 101, 102, 100, 101, 150, 100, 102});
        assertThat(t.q1()).isEqualTo(100.0);
        assertThat(t.high()).containsExactly(5);
        assertThat(t.low()).isEmpty();
        assertThat(t.severe()).containsExactly(5);
        assertThat(t.count()).isEqualTo(1);
    }

    @Test
    void fencesFollowTheQuartiles() {
        TukeyOutliers t = TukeyOutliers.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        // Q1 = 3, Q3 = 7, IQR = 4
        assertThat(t.q1()).isEqualTo(3.0);
        assertThat(t.q3()).isEqualTo(7.0);
        assertThat(t.lowerFence()).isEqualTo(-3.0);
        assertThat(t.upperFence()).isEqualTo(13.0);
        assertThat(t.count()).isZero();
    }

    @Test
    void aFastIterationIsALowOutlierButNotSevere() {
        TukeyOutliers t = TukeyOutliers.of(new double[] {10, 10, 11, 11, 12, 12, 5.5});
        assertThat(t.low()).containsExactly(6);
        assertThat(t.severe()).isEmpty();
    }

    @Test
    void tooFewIterationsAreNeverCalledOutliers() {
        TukeyOutliers t = TukeyOutliers.of(new double[] {1, 1000, 1});
        assertThat(t.count()).isZero();
        assertThat(t.q1()).isNull();
    }
}
