package io.flightdeck.harness.ab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.flightdeck.harness.compare.ChangeVerdict;

class PairedMetricTest {

    private static final AbMetric ALLOCATION = AbMetric.ALL.stream().filter(m -> m.name().equals("alloc-per-op"))
            .findFirst().orElseThrow();
    private static final AbMetric MEAN = AbMetric.ALL.get(0);

    @Test
    void allocationWhereThereWasNoneRegressesOnItsDifferenceAlone() {
        PairedMetric m = new PairedMetric(ALLOCATION, 0.10, 0.02, 0.01);
        for (int i = 0; i < 11; i++) {
            m.add(0, 48 + i);
            if (i < 10) {
                assertThat(m.decided()).as("round %d", i + 1).isNull();
            }
        }
        assertThat(m.decided()).isEqualTo(ChangeVerdict.REGRESSED);
        assertThat(m.judgement().reason()).contains("worse");
    }

    @Test
    void allocationThatMovesByAFewBytesIsNoChangeWhateverItsPercentage() {
        PairedMetric m = new PairedMetric(ALLOCATION, 0.10, 0.02, 0.01);
        for (int i = 0; i < 11; i++) {
            m.add(24, 24 + (i % 3)); // up to +8 %, under the 16 B floor
        }
        assertThat(m.decided()).isEqualTo(ChangeVerdict.NO_CHANGE);
    }

    @Test
    void aChangeWithinTheLimitIsDecidedNoChangeAndOneBeyondItRegressed() {
        PairedMetric within = new PairedMetric(MEAN, 0.10, 0.02, 0.01);
        PairedMetric beyond = new PairedMetric(MEAN, 0.10, 0.02, 0.01);
        for (int i = 0; i < 11; i++) {
            within.add(100, 105 + i * 0.1);
            beyond.add(100, 125 + i * 0.1);
        }
        assertThat(within.decided()).isEqualTo(ChangeVerdict.NO_CHANGE);
        assertThat(beyond.decided()).isEqualTo(ChangeVerdict.REGRESSED);
        assertThat(beyond.judgement().reason()).contains("99 % always-valid interval");
        assertThat(beyond.judgement().lower()).isGreaterThan(0.10);
    }

    @Test
    void aSideWithoutAValueLeavesTheRoundOut() {
        PairedMetric m = new PairedMetric(MEAN, 0.10, 0.02, 0.01);
        m.add(Double.NaN, 100);
        m.add(100, 0);
        assertThat(m.pairs()).isZero();
        assertThat(m.judgement().verdict()).isEqualTo(ChangeVerdict.INCONCLUSIVE);
    }
}
