package io.flightdeck.harness.ab;

import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

import io.flightdeck.harness.compare.SampleComparison;

/**
 * JVMs of one build that settle at two speeds: JIT decisions made once per JVM (what got inlined where, which
 * profile a call site saw first) can leave one JVM twice as fast as the next on the same code. Found in one side's
 * fork values as two groups separated by a gap wider than either group's own spread; said so in the comparison,
 * with each speed's share, since a change in that share is a change too.
 *
 * @param fast      the median of the faster group
 * @param fastForks forks in it
 * @param slow      the median of the slower group
 * @param slowForks forks in it
 */
public record SpeedModes(double fast, int fastForks, double slow, int slowForks) {

    /** Fewer forks and two groups of two could be chance. */
    public static final int MIN_FORKS = 6;
    /** Speeds closer than this are one speed with some spread. */
    public static final double MIN_GAP_RATIO = 1.3;

    /** Two speeds in {@code values} (one per fork, lower is faster), or empty when they show one. */
    public static Optional<SpeedModes> of(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> Double.isFinite(x) && x > 0).map(Math::log).sorted().toArray();
        int n = v.length;
        if (n < MIN_FORKS) {
            return Optional.empty();
        }
        int split = -1;
        double widest = 0;
        for (int i = 2; i <= n - 2; i++) { // at least two forks on either side of the gap
            double gap = v[i] - v[i - 1];
            if (gap > widest) {
                widest = gap;
                split = i;
            }
        }
        if (split < 0 || widest < Math.log(MIN_GAP_RATIO)) {
            return Optional.empty();
        }
        double spread = Math.max(v[split - 1] - v[0], v[n - 1] - v[split]);
        if (widest <= spread) {
            return Optional.empty();
        }
        double[] low = Arrays.stream(Arrays.copyOfRange(v, 0, split)).map(Math::exp).toArray();
        double[] high = Arrays.stream(Arrays.copyOfRange(v, split, n)).map(Math::exp).toArray();
        return Optional.of(new SpeedModes(SampleComparison.median(low), low.length, SampleComparison.median(high),
                high.length));
    }

    public int forks() {
        return fastForks + slowForks;
    }

    /** The share of forks at the fast speed. */
    public double fastShare() {
        return (double) fastForks / forks();
    }

    /**
     * Fisher's exact two-sided p-value that base and head JVMs land on the fast speed equally often: small when the
     * change moved JVMs from one speed to the other.
     */
    public static double sameShares(SpeedModes base, SpeedModes head) {
        int n = base.forks() + head.forks();
        int fast = base.fastForks() + head.fastForks();
        HypergeometricDistribution h = new HypergeometricDistribution(n, fast, base.forks());
        double observed = h.probability(base.fastForks());
        double p = 0;
        for (int k = Math.max(0, fast - head.forks()); k <= Math.min(fast, base.forks()); k++) {
            double pk = h.probability(k);
            if (pk <= observed * (1 + 1e-7)) {
                p += pk;
            }
        }
        return Math.min(1, p);
    }
}
