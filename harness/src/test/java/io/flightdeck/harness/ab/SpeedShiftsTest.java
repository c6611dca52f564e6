package io.flightdeck.harness.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The change within each of two JVM speeds, told apart from a move of JVMs between them. */
class SpeedShiftsTest {

    static final double[] BASE = {20.0, 61.0, 59.0, 21.0, 62.5, 19.5, 58.5, 60.0, 20.5, 63.0, 60.5};

    @Test
    void aChangeThatMovedEveryJvmToTheSlowSpeedIsAlsoMeasuredWithinIt() {
        // every head JVM slow, and the slow speed itself 20 % slower: the paired rounds would read far more
        double[] head = Arrays.stream(BASE).map(v -> (v < 40 ? v * 3 : v) * 1.2).toArray();
        SpeedModes base = SpeedModes.of(BASE).orElseThrow();
        SpeedShifts s = SpeedShifts.of(base, SpeedModes.of(head).orElse(null), BASE, head).orElseThrow();
        assertThat(s.slow().baseForks()).isEqualTo(7);
        assertThat(s.slow().headForks()).isEqualTo(11);
        assertThat(s.slow().change()).isBetween(0.17, 0.23);
        assertThat(s.slow().lower()).isGreaterThan(0.10);
        assertThat(s.fast().baseForks()).isEqualTo(4);
        assertThat(s.fast().headForks()).isZero();
        assertThat(s.fast().measured()).isFalse();
    }

    @Test
    void bothSpeedsShiftedAlikeReadTheSameChange() {
        double[] head = Arrays.stream(BASE).map(v -> v * 1.4).toArray();
        SpeedShifts s = SpeedShifts.of(SpeedModes.of(BASE).orElseThrow(), SpeedModes.of(head).orElseThrow(), BASE,
                head).orElseThrow();
        assertThat(s.fast().change()).isBetween(0.35, 0.45);
        assertThat(s.slow().change()).isBetween(0.35, 0.45);
        assertThat(s.boundary()).isBetween(30.0, 40.0); // the base's speeds divide
    }

    @Test
    void oneSpeedOnBothSidesHasNothingToTellApart() {
        double[] steady = {20, 21, 19, 20.5, 19.5, 20, 21.5, 20};
        assertThat(SpeedShifts.of(null, null, steady, steady)).isEmpty();
    }

    @Test
    void theTextSaysWhereEachSpeedWent() {
        double[] head = Arrays.stream(BASE).map(v -> (v < 40 ? v * 3 : v) * 1.2).toArray();
        SpeedModes base = SpeedModes.of(BASE).orElseThrow();
        AbRounds.CaseOutcome c = new AbRounds.CaseOutcome("default", java.util.List.of(), base, null, null,
                SpeedShifts.of(base, null, BASE, head).orElseThrow(), BASE, head);
        AbReport r = new AbReport(AbReport.SCHEMA_VERSION, "flightdeck", java.time.Instant.EPOCH, 60,
                new AbReport.Revision("base", "abc", false, false), new AbReport.Revision("head", "def", false, false),
                io.flightdeck.harness.compare.ChangeVerdict.INCONCLUSIVE, 0, 0.05, 0.01, 0.10, 11,
                StopReason.TIME_LIMIT, "the time ran out", 1L, null, null,
                java.util.List.of(new AbRounds.WorkloadOutcome("w", 11, 0, null, java.util.List.of(c))));
        assertThat(AbText.render(r)).contains("within the fast speed: too few forks to compare (4 base and 0 head "
                + "forks); within the slow speed: +2").contains("7 base and 11 head forks)");
    }
}
