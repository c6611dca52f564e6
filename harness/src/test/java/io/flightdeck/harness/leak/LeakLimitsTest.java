package io.flightdeck.harness.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.flightdeck.harness.check.Bound;
import io.flightdeck.harness.check.Budget;
import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.check.UnitKind;

class LeakLimitsTest {

    private static final Budgets BUDGETS = new Budgets("test", List.of(
            new Budget("leak-mixed", null, LeakLimits.PER_OPERATION_METRIC, Bound.MAX, 8, UnitKind.BYTES, null),
            new Budget("leak-mixed", null, "p95", Bound.MAX, 1e9, UnitKind.DURATION, null),
            new Budget("other", null, LeakLimits.PER_SECOND_METRIC, Bound.MAX, 10, UnitKind.BYTES, null)));

    @Test
    void theDefaultsHoldWhereNothingElseIsSaid() {
        LeakLimits l = LeakLimits.resolve(BUDGETS, "leak-planted", null, null);
        assertThat(l).isEqualTo(LeakLimits.DEFAULTS);
    }

    @Test
    void theBudgetsFileSetsAWorkloadsLimitAndTheCommandLineWins() {
        LeakLimits fromFile = LeakLimits.resolve(BUDGETS, "leak-mixed", null, null);
        assertThat(fromFile.bytesPerOperation()).isEqualTo(8);
        assertThat(fromFile.bytesPerSecond()).isEqualTo(LeakLimits.DEFAULT_BYTES_PER_SECOND);
        assertThat(fromFile.source()).isEqualTo("per op: budgets, per s: defaults");

        LeakLimits fromCli = LeakLimits.resolve(BUDGETS, "leak-mixed", 100.0, 2048.0);
        assertThat(fromCli).isEqualTo(new LeakLimits(100, 2048, "command line"));
    }

    @Test
    void aRunsBudgetTableNeverJudgesTheLeakLimits() {
        assertThat(BUDGETS.without(LeakLimits.METRICS).budgets()).extracting(Budget::metric).containsExactly("p95");
    }
}
