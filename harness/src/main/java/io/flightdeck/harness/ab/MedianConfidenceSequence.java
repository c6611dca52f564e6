package io.flightdeck.harness.ab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.special.Beta;

/**
 * An interval for the median of paired differences that stays valid however often it is looked at: a confidence
 * sequence. After every round an A/B comparison asks whether it can stop; a fixed-sample test asked that way after
 * every round would call a chance streak a change far more often than its level says. This one holds its level over
 * all rounds at once.
 *
 * <p>How: for a candidate median m, each difference lands above m with probability ½ if m is the true median (and
 * the two forks of a round ran in random order, so an effect of order cancels). The number above m after n rounds,
 * k, gives the e-value {@code E = 2^n · B(k+1, n−k+1)}: the likelihood ratio of "above with some probability p"
 * (p uniform on [0, 1]) against "above with ½". Under the null it is a nonnegative martingale with mean 1, so by
 * Ville's inequality it ever reaches 1/α with probability at most α. The interval is every m whose e-value has not
 * reached 1/α, and it misses the true median at any round (all rounds at once) with probability at most α. Nothing is assumed of the differences' distribution: two JVM speeds, heavy
 * tails and a slow machine do not bias it, they only make it narrow more slowly.
 */
public final class MedianConfidenceSequence {

    private final double logThreshold;
    private final List<Double> values = new ArrayList<>();
    private double lower = Double.NEGATIVE_INFINITY;
    private double upper = Double.POSITIVE_INFINITY;
    private double minLogE0 = 0;

    /** @param alpha the chance, over all rounds together, that the interval ever misses the true median */
    public MedianConfidenceSequence(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie between 0 and 1, was " + alpha);
        }
        this.logThreshold = Math.log(1 / alpha);
    }

    /** Adds one round's difference; a value that is no number is ignored. */
    public void add(double difference) {
        if (!Double.isFinite(difference)) {
            return;
        }
        values.add(difference);
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        int lowest = -1;
        int highest = -1;
        // j values at or below m, so k = n − j above it, for m strictly between the j-th and (j+1)-th values
        for (int j = 0; j <= n; j++) {
            if (logE(n - j, n) < logThreshold) {
                lowest = lowest < 0 ? j : lowest;
                highest = j;
            }
        }
        double low = lowest <= 0 ? Double.NEGATIVE_INFINITY : sorted[lowest - 1];
        double high = highest < 0 || highest >= n ? Double.POSITIVE_INFINITY : sorted[highest];
        // today's interval, not the intersection of every earlier one: both hold the level at every round, and this
        // one recovers when a spell of early rounds (a burst of load on one side) lay far off the rest
        lower = low;
        upper = high;
        int above = (int) Arrays.stream(sorted).filter(v -> v > 0).count();
        int below = (int) Arrays.stream(sorted).filter(v -> v < 0).count();
        // zeros split evenly: they say nothing either way
        minLogE0 = Math.max(minLogE0, logE(above + (n - above - below) / 2, n));
    }

    /** {@code ln E} for k of n above: n ln 2 + ln B(k+1, n−k+1). */
    static double logE(int k, int n) {
        return n * Math.log(2) + Beta.logBeta(k + 1.0, n - k + 1.0);
    }

    public int count() {
        return values.size();
    }

    /** The interval's lower end; −∞ until enough rounds are in. */
    public double lower() {
        return lower;
    }

    /** The interval's upper end; +∞ until enough rounds are in. */
    public double upper() {
        return upper;
    }

    /** The median of the differences so far; NaN with none. */
    public double estimate() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The always-valid p-value of "the median is 0" (no change): 1 over the largest e-value any round reached, at
     * most 1. Small however the rounds were peeked at.
     */
    public double pValue() {
        return Math.min(1, Math.exp(-minLogE0));
    }
}
