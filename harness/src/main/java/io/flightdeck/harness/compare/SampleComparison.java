package io.flightdeck.harness.compare;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Compares two sets of samples of one metric (say, each measured iteration's mean latency) and says whether it
 * regressed. The Mann–Whitney U test, rank-based so one wild iteration cannot sway it, says whether the two sides
 * differ at all; the Hodges–Lehmann estimate that goes with it says by how much: the median of every
 * current/baseline ratio, with the distribution-free interval read off the same ranks (so test and interval agree,
 * and the interval is nearly as narrow as the mean's on normal noise, where a bootstrap of the medians is half again
 * as wide). A change is claimed only when it is significant and larger than the noise threshold; a regression,
 * which fails a build, only when the whole interval lies beyond the regression limit: 95 % sure it is worse by more
 * than the limit. Iterations of one JVM share its JIT decisions and heap layout, so they understate the spread
 * between JVMs; asking the interval, not just the estimate, to clear the limit keeps that from failing builds.
 */
public final class SampleComparison {

    /** Fewer samples on a side and no test can tell a change from chance. */
    public static final int MIN_SAMPLES = 5;
    private SampleComparison() {
    }

    public static MetricChange compare(double[] baseline, double[] current, Direction direction,
                                       ChangeThresholds thresholds) {
        double[] base = finite(baseline);
        double[] cur = finite(current);
        if (base.length < MIN_SAMPLES || cur.length < MIN_SAMPLES) {
            double b = base.length == 0 ? Double.NaN : median(base);
            double c = cur.length == 0 ? Double.NaN : median(cur);
            return new MetricChange(direction, b, c, ratio(c, b), Double.NaN, Double.NaN, Double.NaN, base.length,
                    cur.length, ChangeVerdict.INCONCLUSIVE, "too few samples to compare: " + base.length + " against "
                    + cur.length + ", at least " + MIN_SAMPLES + " on each side");
        }
        double baseMedian = median(base);
        double curMedian = median(cur);
        if (baseMedian == 0) {
            return new MetricChange(direction, baseMedian, curMedian, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    base.length, cur.length, ChangeVerdict.INCONCLUSIVE,
                    "the baseline's median is 0: no relative change can be computed");
        }
        double[] shift = shift(base, cur, baseMedian, thresholds.alpha());
        double change = shift[0];
        double[] interval = {shift[1], shift[2]};
        if (!Double.isFinite(change) || !Double.isFinite(interval[0]) || !Double.isFinite(interval[1])) {
            // samples many orders of magnitude apart: a change of "+Infinity %" says nothing a person can act on
            return new MetricChange(direction, baseMedian, curMedian, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    base.length, cur.length, ChangeVerdict.INCONCLUSIVE, "the samples lie too many orders of "
                    + "magnitude apart for a relative change to be computed");
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(base, cur);
        // turned so that positive is worse, whichever way the metric improves
        double worse = direction.worsening(change);
        double worseLow = Math.min(direction.worsening(interval[0]), direction.worsening(interval[1]));
        double worseHigh = Math.max(direction.worsening(interval[0]), direction.worsening(interval[1]));
        boolean significant = p < thresholds.alpha() && (worseLow > 0 || worseHigh < 0);
        String figures = pct(change) + " (" + (int) Math.round((1 - thresholds.alpha()) * 100) + " % CI "
                + pct(interval[0]) + " to " + pct(interval[1]) + String.format(Locale.ROOT, ", p = %.3g", p) + ")";

        ChangeVerdict verdict;
        String reason;
        String limit = pct(thresholds.limit());
        if (significant && worseLow > thresholds.limit()) {
            verdict = ChangeVerdict.REGRESSED;
            reason = "worse by " + figures + ", all of the interval beyond the " + limit + " limit";
        } else if (significant && worse > thresholds.limit()) {
            verdict = ChangeVerdict.INCONCLUSIVE;
            reason = "worse by " + figures + ", but the interval reaches below the " + limit + " limit: more "
                    + "iterations or forks would tell";
        } else if (significant && worse < -thresholds.noise()) {
            verdict = ChangeVerdict.IMPROVED;
            reason = "better by " + figures;
        } else if (!significant && worseHigh > thresholds.limit() && worseHigh - worseLow > thresholds.limit()) {
            verdict = ChangeVerdict.INCONCLUSIVE;
            reason = "too noisy to rule out a regression beyond the " + limit + " limit: " + figures;
        } else if (significant && worse > thresholds.noise()) {
            verdict = ChangeVerdict.NO_CHANGE;
            reason = "worse by " + figures + ", within the " + limit + " limit";
        } else {
            verdict = ChangeVerdict.NO_CHANGE;
            reason = significant ? "a change within the " + pct(thresholds.noise()) + " noise threshold: " + figures
                    : "no significant change: " + figures;
        }
        return new MetricChange(direction, baseMedian, curMedian, change, interval[0], interval[1], p, base.length,
                cur.length, verdict, reason);
    }

    /**
     * The Hodges–Lehmann change of current against baseline with its confidence interval, as relative changes
     * {estimate, lower, upper}. Positive samples are compared as ratios (the median of all log-differences,
     * exponentiated), so a 20 % slowdown reads +20 % at any scale; samples with zeros or negatives fall back to
     * plain differences over the baseline's median. The interval's ends are the pairwise differences at the ranks
     * the Mann–Whitney statistic's normal approximation gives.
     */
    public static double[] shift(double[] base, double[] cur, double baseMedian, double alpha) {
        boolean ratios = Arrays.stream(base).allMatch(v -> v > 0) && Arrays.stream(cur).allMatch(v -> v > 0);
        int n = base.length;
        int m = cur.length;
        double[] d = new double[n * m];
        int k = 0;
        for (double b : base) {
            for (double c : cur) {
                d[k++] = ratios ? Math.log(c) - Math.log(b) : c - b;
            }
        }
        Arrays.sort(d);
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - alpha / 2);
        double spread = z * Math.sqrt((double) n * m * (n + m + 1) / 12.0);
        int lowRank = (int) Math.max(1, Math.floor(n * m / 2.0 - spread)); // 1-based
        int highRank = n * m - lowRank + 1;
        double[] out = {median(d), d[lowRank - 1], d[highRank - 1]};
        for (int i = 0; i < 3; i++) {
            out[i] = ratios ? Math.expm1(out[i]) : out[i] / Math.abs(baseMedian);
        }
        return out;
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** c / b − 1, NaN where that is no number (a baseline of 0, a side with no sample). */
    private static double ratio(double c, double b) {
        double r = c / b - 1;
        return b > 0 && Double.isFinite(r) ? r : Double.NaN;
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /** "+12.3 %", "−4.0 %"; "—" for no number. */
    public static String pct(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
        return s.replace('-', '−');
    }
}
