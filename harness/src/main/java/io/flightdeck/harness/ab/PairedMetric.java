package io.flightdeck.harness.ab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.flightdeck.harness.compare.ChangeVerdict;
import io.flightdeck.harness.compare.SampleComparison;

/**
 * One metric of one case, judged on the rounds' paired forks: each round gives the ratio head / base of the two
 * forks' values, and the median of those ratios is the change. Its always-valid interval
 * ({@link MedianConfidenceSequence}) decides: beyond the regression limit as a whole, regressed; below it as a whole,
 * not regressed (improved when below zero and beyond the noise threshold); otherwise undecided, and another round
 * may tell.
 */
public final class PairedMetric {

    private final AbMetric metric;
    private final double limit;
    private final double noise;
    private final double alpha;
    private final MedianConfidenceSequence sequence;
    /** For a metric with a floor: the differences in its unit, whose interval says whether a change passes it. */
    private final MedianConfidenceSequence differences;
    private final List<double[]> pairs = new ArrayList<>();

    /**
     * @param limit worse by more than this (0.10 for 10 %) is a regression
     * @param noise better by less than this is not claimed as an improvement
     * @param alpha this metric's share of the comparison's false-alarm level
     */
    public PairedMetric(AbMetric metric, double limit, double noise, double alpha) {
        this.metric = metric;
        this.limit = limit;
        this.noise = noise;
        this.alpha = alpha;
        this.sequence = new MedianConfidenceSequence(alpha);
        this.differences = metric.floor() > 0 ? new MedianConfidenceSequence(alpha) : null;
    }

    public AbMetric metric() {
        return metric;
    }

    /**
     * One round's pair; a pair where either side has no value is left out. A metric with a floor takes a 0 too (no
     * allocation at all): its difference counts, its ratio cannot.
     */
    public void add(double base, double head) {
        if (!Double.isFinite(base) || !Double.isFinite(head) || base < 0 || head < 0) {
            return;
        }
        boolean ratio = base > 0 && head > 0;
        if (!ratio && differences == null) {
            return;
        }
        pairs.add(new double[] {base, head});
        if (ratio) {
            sequence.add(Math.log(head) - Math.log(base));
        }
        if (differences != null) {
            differences.add(head - base);
        }
    }

    public int pairs() {
        return pairs.size();
    }

    /** Base values in round order. */
    public double[] baseValues() {
        return pairs.stream().mapToDouble(p -> p[0]).toArray();
    }

    /** Head values in round order. */
    public double[] headValues() {
        return pairs.stream().mapToDouble(p -> p[1]).toArray();
    }

    /** The verdict if the rounds so far decide one, else null. */
    public ChangeVerdict decided() {
        if (pairs.isEmpty()) {
            return null;
        }
        // no ratio at all (the base allocated nothing): only the difference can say
        double low = sequence.count() == 0 ? Double.POSITIVE_INFINITY : Math.expm1(sequence.lower());
        double high = sequence.count() == 0 ? Double.POSITIVE_INFINITY : Math.expm1(sequence.upper());
        // a metric with a floor regresses only when its difference surely passes the floor too; both intervals hold
        // their level, so asking both keeps the false-alarm chance within it
        boolean beyondFloor = differences == null || differences.lower() > metric.floor();
        if (low > limit && beyondFloor) {
            return ChangeVerdict.REGRESSED;
        }
        boolean withinFloor = differences != null && differences.upper() <= metric.floor()
                && differences.lower() >= -metric.floor();
        if (high < limit || withinFloor) {
            return high < 0 && Math.expm1(sequence.estimate()) < -noise && !withinFloor ? ChangeVerdict.IMPROVED
                    : ChangeVerdict.NO_CHANGE;
        }
        return null;
    }

    /** What the rounds came to: the decided verdict, else inconclusive. */
    public Judgement judgement() {
        ChangeVerdict v = decided();
        double change = Math.expm1(sequence.estimate());
        Double low = Double.isFinite(sequence.lower()) ? Math.expm1(sequence.lower()) : null;
        Double high = Double.isFinite(sequence.upper()) ? Math.expm1(sequence.upper()) : null;
        String figures = SampleComparison.pct(change) + " (" + labelledInterval() + ", " + pairs.size() + " round"
                + (pairs.size() == 1 ? "" : "s") + ")";
        String lim = SampleComparison.pct(limit);
        String reason;
        if (pairs.isEmpty()) {
            reason = "no round measured it on both sides";
        } else if (v == ChangeVerdict.REGRESSED) {
            reason = "worse by " + figures + ", all of the interval beyond the " + lim + " limit";
        } else if (v == ChangeVerdict.IMPROVED) {
            reason = "better by " + figures;
        } else if (v == ChangeVerdict.NO_CHANGE) {
            reason = (change > noise ? "worse by " + figures + ", all of the interval within the " + lim + " limit"
                    : "no change beyond the limit: " + figures);
        } else {
            reason = "undecided: " + figures + " reaches both sides of the " + lim + " limit";
        }
        return new Judgement(metric.name(), metric.unit(), v == null ? ChangeVerdict.INCONCLUSIVE : v,
                SampleComparison.median(nonEmpty(baseValues())), SampleComparison.median(nonEmpty(headValues())),
                change, low, high, sequence.pValue(), alpha, pairs.size(), reason);
    }

    /** The interval so far as a person reads it: "−3.0 % to +25.1 %" (either end "unbounded" at first). */
    public String interval() {
        return end(sequence.lower()) + " to " + end(sequence.upper());
    }

    private String labelledInterval() {
        String c = String.format(Locale.ROOT, "%.4g", (1 - alpha) * 100).replaceAll("\\.?0+$", "");
        return c + " % always-valid interval " + interval();
    }

    private static String end(double logRatio) {
        return Double.isFinite(logRatio) ? SampleComparison.pct(Math.expm1(logRatio)) : "unbounded";
    }

    private static double[] nonEmpty(double[] values) {
        return values.length == 0 ? new double[] {Double.NaN} : values;
    }

    /**
     * A metric's outcome as ab.json states it.
     *
     * @param base     the median of the base forks' values
     * @param head     the median of the head forks' values
     * @param change   the median of the paired ratios, − 1
     * @param lower    the always-valid interval's lower end, as a relative change; null while unbounded
     * @param upper    its upper end; null while unbounded
     * @param pValue   the always-valid p-value of no change at all
     * @param alpha    the false-alarm level this metric was held to (the comparison's, shared out)
     * @param rounds   rounds that measured it on both sides
     */
    public record Judgement(String metric, String unit, ChangeVerdict verdict, double base, double head,
                            double change, Double lower, Double upper, double pValue, double alpha, int rounds,
                            String reason) {
    }
}
