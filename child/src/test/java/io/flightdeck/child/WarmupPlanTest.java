package io.flightdeck.child;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many warm-up iterations a case runs, for every count the option can take. */
class WarmupPlanTest {

    @Test
    void aColdCaseRunsTwiceThePlanAndAtMostSevenTimes() {
        assertThat(WarmupPlan.of(3, true)).isEqualTo(new WarmupPlan(6, 21));
        assertThat(WarmupPlan.of(3, false)).isEqualTo(new WarmupPlan(3, 9));
        assertThat(WarmupPlan.of(0, true)).isEqualTo(new WarmupPlan(0, 0));
    }

    @Test
    void aHugeCountIsNotTurnedIntoNoWarmUp() {
        // in ints, 2 × 500,000,000 + 5 × 500,000,000 wraps to a negative cap: the loop then never ran
        WarmupPlan cold = WarmupPlan.of(500_000_000, true);
        assertThat(cold.planned()).isEqualTo(1_000_000_000L);
        assertThat(cold.cap()).isEqualTo(3_500_000_000L);
        WarmupPlan max = WarmupPlan.of(Integer.MAX_VALUE, true);
        assertThat(max.planned()).isEqualTo(2L * Integer.MAX_VALUE);
        assertThat(max.cap()).isEqualTo(7L * Integer.MAX_VALUE);
    }

    @Test
    void theProgressShowsThePlanThenTheCap() {
        WarmupPlan plan = WarmupPlan.of(2, false);
        assertThat(plan.shownTotal(0)).isEqualTo(2);
        assertThat(plan.shownTotal(2)).isEqualTo(6);
    }
}
