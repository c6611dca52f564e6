package io.flightdeck.profiling.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.LongBinaryOperator;

import org.junit.jupiter.api.Test;

class SampledBytesTest {

    private static final long INTERVAL = 512 * 1024;

    /** 117 objects of 8,016 bytes for one of 400,000: 70.1 % and 29.9 % of the bytes. */
    private static final long SMALL = 8_016;
    private static final long LARGE = 400_000;
    private static final int SMALL_PER_LARGE = 117;

    @Test
    void sharesOfTheJvmsSamplerComeOutTrueWhenObjectsAreNearTheInterval() {
        double truth = (double) LARGE / (LARGE + SMALL_PER_LARGE * SMALL);
        double weighted = largeShare((size, interval) -> Math.round(SampledBytes.weight(size, interval)));
        assertThat(weighted).isCloseTo(truth, within(0.005));
    }

    /** The check above can fail: async-profiler's own max(size, interval) reads the large objects 7 points low. */
    @Test
    void asyncProfilersOwnWeightsUnderstateObjectsNearTheInterval() {
        double truth = (double) LARGE / (LARGE + SMALL_PER_LARGE * SMALL);
        double written = largeShare(Math::max);
        assertThat(truth - written).isGreaterThan(0.05);
    }

    @Test
    void aTinyObjectStandsForTheIntervalAndAHugeOneForItself() {
        assertThat(SampledBytes.weight(16, INTERVAL)).isCloseTo(INTERVAL + 8, within(1.0));
        assertThat(SampledBytes.weight(100 * INTERVAL, INTERVAL)).isCloseTo(100.0 * INTERVAL, within(1.0));
        assertThat(SampledBytes.weight(INTERVAL, INTERVAL)).isCloseTo(INTERVAL / (1 - Math.exp(-1)), within(1.0));
    }

    @Test
    void withoutAKnownIntervalAnObjectStandsForItself() {
        assertThat(SampledBytes.weight(4_096, 0)).isEqualTo(4_096);
        assertThat(SampledBytes.weight(0, INTERVAL)).isZero();
    }

    @Test
    void theIntervalIsReadFromEventsOfObjectsSmallerThanIt() {
        assertThat(SampledBytes.intervalFrom(528, INTERVAL)).isEqualTo(INTERVAL);
        assertThat(SampledBytes.intervalFrom(2 * INTERVAL, 2 * INTERVAL)).isZero();
    }

    /**
     * The large objects' share of the weighted bytes of the samples the JVM's heap sampler would take, modelled as
     * recent HotSpot's ThreadHeapSampler works: a sample point an exponentially distributed number of bytes ahead,
     * with the interval as its mean; the object that reaches it is sampled, and the next point is drawn from that
     * object's end (JDK 17's carries the overshoot over instead, a small difference). This checks the weight against
     * the model; the truth tests check it against real JVMs.
     */
    private static double largeShare(LongBinaryOperator weightOf) {
        SplittableRandom random = new SplittableRandom(17);
        double untilSample = nextPoint(random);
        double small = 0;
        double large = 0;
        for (int round = 0; round < 100_000; round++) {
            for (int k = 0; k <= SMALL_PER_LARGE; k++) {
                long size = k < SMALL_PER_LARGE ? SMALL : LARGE;
                if (size < untilSample) {
                    untilSample -= size;
                    continue;
                }
                long weight = weightOf.applyAsLong(size, INTERVAL);
                if (size == LARGE) {
                    large += weight;
                } else {
                    small += weight;
                }
                untilSample = nextPoint(random);
            }
        }
        return large / (large + small);
    }

    private static double nextPoint(SplittableRandom random) {
        return -Math.log(1 - random.nextDouble()) * INTERVAL;
    }

    @Test
    void asyncProfilersAllocSettingIsItsInterval() {
        assertThat(AllocationCollector.intervalSetting("4194304")).isEqualTo(4_194_304);
        assertThat(AllocationCollector.intervalSetting("0")).as("a bare alloc: the agent's default")
                .isEqualTo(524_287);
        assertThat(AllocationCollector.intervalSetting("lots")).as("unreadable: learnt from the events").isZero();
    }
}
