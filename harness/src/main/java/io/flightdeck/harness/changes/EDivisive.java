package io.flightdeck.harness.changes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Change points of one series of figures: where each split goes is E-divisive means' choice (Matteson and James, "A
 * Nonparametric Approach for Multiple Change Point Analysis of Multivariate Data", JASA 2014); whether it counts is
 * a Welch t-test between the two sides, as Apache Otava (formerly Hunter) does it (Fleming et al., "Hunter: Using
 * Change Point Detection to Hunt for Performance Regressions", ICPE 2023).
 *
 * <p>Splitting a segment at τ into X (before) and Y (after) scores how far apart the two samples are by their energy
 * distance: q(τ) = m·k/(m+k) · (2/(m·k) Σ|x−y| − 2/(m(m−1)) Σ|x−x'| − 2/(k(k−1)) Σ|y−y'|), which is large when the
 * values after τ come from another distribution, whatever its shape. Each segment's best split is tested; a
 * significant one becomes a change point and both halves are searched again. Then every change point is tested again
 * against the segments on either side of it as they finally are, and the weakest that fails is dropped, until all
 * pass.
 *
 * <p>Why not the paper's permutation test: it is random (a seed makes it repeatable, not right), it costs thousands
 * of re-scorings per split, and it is weak where performance histories need it: a rise that later falls back scores
 * little better against the whole series than a shuffle of it does (a +30 % episode of 20 runs in 60, in 3 % noise,
 * got p = 0.01 against 199 shuffles, so a level strict enough for a history searched after every run missed it). The
 * t-test between the two sides of a split finds it at p &lt; 10⁻⁶. It asks the two sides to differ in mean, which is
 * what a change in a figure is; a few wild runs inflate their side's variance and so do not pass for one.
 */
public final class EDivisive {

    /** A change point: the first index of the new segment, and the p-value of its final test. */
    public record Split(int index, double pValue) {
    }

    private final int minSegment;
    private final double significance;

    /**
     * @param minSegment   fewest values on either side of a change: a shift must persist this long to count
     * @param significance the p-value below which a split is a change point
     */
    public EDivisive(int minSegment, double significance) {
        if (minSegment < 2) {
            throw new IllegalArgumentException("a segment needs at least 2 values, got " + minSegment);
        }
        if (!(significance > 0 && significance < 1)) {
            throw new IllegalArgumentException("significance must be between 0 and 1, got " + significance);
        }
        this.minSegment = minSegment;
        this.significance = significance;
    }

    /** The change points of {@code values}, in index order. */
    public List<Split> changePoints(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a series to search for changes must be finite, got " + v);
            }
        }
        TreeSet<Integer> found = new TreeSet<>();
        Deque<int[]> segments = new ArrayDeque<>();
        segments.push(new int[] {0, values.length});
        while (!segments.isEmpty()) {
            int[] seg = segments.pop();
            Best b = bestSplit(values, seg[0], seg[1]);
            if (b != null && pValue(values, seg[0], b.index, seg[1]) < significance) {
                found.add(b.index);
                segments.push(new int[] {seg[0], b.index});
                segments.push(new int[] {b.index, seg[1]});
            }
        }
        // each split was tested within the segment it was found in; test them again between their final neighbours
        while (true) {
            List<Integer> points = new ArrayList<>(found);
            int weakest = -1;
            double weakestP = significance;
            List<Split> splits = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                int from = i == 0 ? 0 : points.get(i - 1);
                int to = i + 1 < points.size() ? points.get(i + 1) : values.length;
                double p = pValue(values, from, points.get(i), to);
                splits.add(new Split(points.get(i), p));
                if (p >= weakestP) {
                    weakest = points.get(i);
                    weakestP = p;
                }
            }
            if (weakest < 0) {
                return List.copyOf(splits);
            }
            found.remove(weakest);
        }
    }

    /**
     * Welch's two-sided t-test between [from, at) and [at, to), times the number of places the split could have gone
     * in [from, to) (at most 1): the split tested is the best of those, and the best of many splits of pure noise
     * looks like a change far more often than one split chosen in advance (a run of six high values among sixty
     * got p = 5·10⁻⁶ unadjusted). Bonferroni's factor is the simple bound on that; E-divisive's permutation test
     * pays for it with shuffles instead.
     */
    double pValue(double[] z, int from, int at, int to) {
        int places = to - from - 2 * minSegment + 1;
        return Math.min(1, Math.max(1, places) * welch(z, from, at, to));
    }

    /** Welch's two-sided t-test between [from, at) and [at, to); 1 when neither side varies and their means agree. */
    static double welch(double[] z, int from, int at, int to) {
        double[] before = Arrays.copyOfRange(z, from, at);
        double[] after = Arrays.copyOfRange(z, at, to);
        double vb = StatUtils.variance(before);
        double va = StatUtils.variance(after);
        if (vb == 0 && va == 0) {
            return StatUtils.mean(before) == StatUtils.mean(after) ? 1 : 0;
        }
        return new TTest().tTest(before, after);
    }

    private record Best(int index, double score) {
    }

    /**
     * The best split of [from, to): τ moves right one value at a time, and the within-before, within-after and across
     * sums of distances follow it with one pass over the segment per step.
     */
    Best bestSplit(double[] z, int from, int to) {
        int n = to - from;
        if (n < 2 * minSegment) {
            return null;
        }
        double withinBefore = 0;
        double across = 0;
        double withinAfter = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                withinAfter += Math.abs(z[i] - z[j]);
            }
        }
        Best best = null;
        for (int tau = from; tau < to - minSegment; tau++) {
            // move z[tau] from after to before
            double toBefore = 0;
            for (int i = from; i < tau; i++) {
                toBefore += Math.abs(z[i] - z[tau]);
            }
            double toAfter = 0;
            for (int j = tau + 1; j < to; j++) {
                toAfter += Math.abs(z[tau] - z[j]);
            }
            withinBefore += toBefore;
            withinAfter -= toAfter;
            across += toAfter - toBefore;
            int m = tau + 1 - from;
            int k = to - tau - 1;
            if (m < minSegment) {
                continue;
            }
            double energy = 2 * across / ((double) m * k) - 2 * withinBefore / ((double) m * (m - 1))
                    - 2 * withinAfter / ((double) k * (k - 1));
            double score = (double) m * k / (m + k) * energy;
            if (best == null || score > best.score) {
                best = new Best(tau + 1, score);
            }
        }
        return best;
    }
}
