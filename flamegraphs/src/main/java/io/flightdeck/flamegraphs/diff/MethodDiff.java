package io.flightdeck.flamegraphs.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.TTest;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.WeightUnit;

/**
 * Two profiles compared method by method, whatever paths the methods ran on: each method's self share (the weight
 * of stacks ending in it) and total share (the weight of stacks through it, counted once per stack however often it
 * recurs) on both sides, and whether each change is beyond what chance allows.
 *
 * <p>Why by method and not by path: deep stacks are sparse, so two runs of the same build rarely share a whole path,
 * while they share nearly every method.
 *
 * <p>The test, for profiles of samples: a two-sided two-proportion z-test per method and measure (its samples
 * against each side's total, pooled variance), with Holm's step-down correction over every test made, so the chance
 * that any unchanged method is called changed stays below {@link #ALPHA}. Samples are treated as independent draws,
 * which they are not quite (a run's samples are correlated in time): the test is a floor on the noise, not a ceiling.
 * For weights that are not counts (bytes, nanoseconds) that test does not apply: with at least two forks on each
 * side, Welch's t-test on the method's share in each fork (the variation between forks is the noise), Holm-corrected
 * alike; with fewer forks, nothing is called significant and the table only lists the changes.
 *
 * <p>A method is {@link Change#NEW} only when the baseline never ran it, on any path, and its share now is
 * significant; {@link Change#GONE} likewise. Otherwise it {@link Change#GREW} or {@link Change#SHRANK} when its self
 * share changed significantly: a frame is coloured where its own time changed, as flamegraph.pl's differential graphs
 * colour by the leaf's change, so the callers of a slower method are not all drawn red with it.
 */
public final class MethodDiff {

    /** The family-wise error rate: the chance that a comparison of two equal profiles colours any method. */
    public static final double ALPHA = 0.01;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** How a method's colour is chosen. */
    public enum Change {
        /** Its self share grew significantly. */
        GREW,
        /** Its self share shrank significantly. */
        SHRANK,
        /** Absent from the baseline altogether, and significant now. */
        NEW,
        /** Absent from the current profile altogether, and significant in the baseline. */
        GONE,
        /** No significant change. */
        NONE;

        /** The word in tables and JSON. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One method on both sides.
     *
     * @param selfP  two-sided p-value of the self share's change (1 when not tested), before correction
     * @param totalP the same for the total share
     */
    public record Method(String name, long baselineSelf, long baselineTotal, long currentSelf, long currentTotal,
                         double baselineSelfShare, double baselineTotalShare, double currentSelfShare,
                         double currentTotalShare, double selfP, double totalP, boolean selfSignificant,
                         boolean totalSignificant, Change change) {

        /** Self share now minus self share before, 0 to ±1. */
        public double selfDelta() {
            return currentSelfShare - baselineSelfShare;
        }

        /** Total share now minus total share before. */
        public double totalDelta() {
            return currentTotalShare - baselineTotalShare;
        }

        /** Whether either share grew significantly. */
        public boolean significantIncrease() {
            return (selfSignificant && selfDelta() > 0) || (totalSignificant && totalDelta() > 0);
        }
    }

    private final List<Method> methods;
    private final Map<String, Method> byName;
    private final long baselineWeight;
    private final long currentWeight;
    private final boolean counted;
    private final int tests;
    private final int baselineForks;
    private final int currentForks;

    private MethodDiff(List<Method> methods, long baselineWeight, long currentWeight, boolean counted, int tests,
                       int baselineForks, int currentForks) {
        this.methods = List.copyOf(methods);
        this.byName = new HashMap<>(methods.size() * 2);
        for (Method m : methods) {
            byName.put(m.name(), m);
        }
        this.baselineWeight = baselineWeight;
        this.currentWeight = currentWeight;
        this.counted = counted;
        this.tests = tests;
        this.baselineForks = baselineForks;
        this.currentForks = currentForks;
    }

    /** Compares two profiles whose weights are in {@code unit}, one fork each; the trees are read, not changed. */
    public static MethodDiff of(CallTree baseline, CallTree current, WeightUnit unit) {
        return of(baseline, List.of(baseline), current, List.of(current), unit);
    }

    /**
     * Compares two sides of several forks each: {@code baseline} and {@code current} are each side's forks merged
     * (what the figures describe), the lists the forks one by one (for the test of weights that are not counts).
     */
    public static MethodDiff of(CallTree baseline, List<CallTree> baselineForks, CallTree current,
                                List<CallTree> currentForks, WeightUnit unit) {
        Objects.requireNonNull(unit, "unit");
        Map<String, long[]> before = perMethod(Objects.requireNonNull(baseline, "baseline"));
        Map<String, long[]> now = perMethod(Objects.requireNonNull(current, "current"));
        long n1 = baseline.totalWeight();
        long n2 = current.totalWeight();
        boolean counted = unit == WeightUnit.SAMPLES;
        boolean forksTested = !counted && baselineForks.size() >= 2 && currentForks.size() >= 2;
        List<Map<String, double[]>> beforeForks = forksTested ? forkShares(baselineForks) : List.of();
        List<Map<String, double[]>> nowForks = forksTested ? forkShares(currentForks) : List.of();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(now.keySet());
        List<String> order = new ArrayList<>(names);
        int n = order.size();
        long[][] b = new long[n][];
        long[][] c = new long[n][];
        double[] selfP = new double[n];
        double[] totalP = new double[n];
        List<double[]> pValues = new ArrayList<>(); // {p, index, 0 self / 1 total}
        for (int i = 0; i < n; i++) {
            b[i] = before.getOrDefault(order.get(i), new long[2]);
            c[i] = now.getOrDefault(order.get(i), new long[2]);
            if (counted) {
                selfP[i] = pValue(b[i][0], n1, c[i][0], n2);
                totalP[i] = pValue(b[i][1], n1, c[i][1], n2);
            } else if (forksTested) {
                selfP[i] = welch(beforeForks, nowForks, order.get(i), 0);
                totalP[i] = welch(beforeForks, nowForks, order.get(i), 1);
            } else {
                selfP[i] = Double.NaN;
                totalP[i] = Double.NaN;
            }
            if (!Double.isNaN(selfP[i])) {
                pValues.add(new double[] {selfP[i], i, 0});
            }
            if (!Double.isNaN(totalP[i])) {
                pValues.add(new double[] {totalP[i], i, 1});
            }
        }
        boolean[][] significant = new boolean[n][2];
        holm(pValues, significant);
        List<Method> methods = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double bs = share(b[i][0], n1);
            double cs = share(c[i][0], n2);
            Change change;
            if (b[i][1] == 0 && significant[i][1]) {
                change = Change.NEW;
            } else if (c[i][1] == 0 && significant[i][1]) {
                change = Change.GONE;
            } else if (significant[i][0]) {
                change = cs > bs ? Change.GREW : Change.SHRANK;
            } else {
                change = Change.NONE;
            }
            methods.add(new Method(order.get(i), b[i][0], b[i][1], c[i][0], c[i][1], bs, share(b[i][1], n1), cs,
                    share(c[i][1], n2), nanToOne(selfP[i]), nanToOne(totalP[i]), significant[i][0],
                    significant[i][1], change));
        }
        methods.sort(ORDER);
        return new MethodDiff(methods, n1, n2, counted, pValues.size(), baselineForks.size(), currentForks.size());
    }

    /**
     * The table's order: methods whose own time grew significantly, the largest growth first; then those whose total
     * alone grew significantly (mostly the callers of the former); then the rest by change of total share, so the
     * largest significant falls come last.
     */
    private static final Comparator<Method> ORDER = Comparator
            .comparingInt((Method m) -> m.selfSignificant() && m.selfDelta() > 0 ? 0
                    : m.totalSignificant() && m.totalDelta() > 0 ? 1 : 2)
            .thenComparingDouble(m -> m.selfSignificant() && m.selfDelta() > 0 ? -m.selfDelta() : -m.totalDelta())
            .thenComparingDouble(m -> -m.totalDelta())
            .thenComparing(Method::name);

    /** Every method of either profile, in the table's order (the largest significant increase first). */
    public List<Method> methods() {
        return methods;
    }

    /** A method by its frame name, or null when neither profile has it. */
    public Method method(String name) {
        return byName.get(name);
    }

    public long baselineWeight() {
        return baselineWeight;
    }

    public long currentWeight() {
        return currentWeight;
    }

    /** Whether the weights were counts, and so the z-test was used. */
    public boolean tested() {
        return counted;
    }

    /** Whether any test could be made: counts, or at least two forks a side. */
    public boolean testable() {
        return counted || (baselineForks >= 2 && currentForks >= 2);
    }

    /** How many tests the correction counted. */
    public int tests() {
        return tests;
    }

    /** The largest significant change of self share among coloured methods, 0 when none: the colour scale. */
    public double colourScale() {
        double scale = 0;
        for (Method m : methods) {
            if (m.change() == Change.GREW || m.change() == Change.SHRANK) {
                scale = Math.max(scale, Math.abs(m.selfDelta()));
            }
        }
        return scale;
    }

    /** One sentence for a page's notes: what the colours mean and the test behind them. */
    public String explanation() {
        String test;
        if (counted) {
            test = String.format(Locale.ROOT, "a two-proportion z-test per method on its samples against each "
                    + "side's total, Holm-corrected over the %,d tests made (family-wise error %.0f %%)",
                    tests, ALPHA * 100);
        } else if (testable()) {
            test = String.format(Locale.ROOT, "these weights are not sample counts, so Welch's t-test on the "
                    + "method's share in each of the %d and %d forks, Holm-corrected over the %,d tests made "
                    + "(family-wise error %.0f %%); few forks can show only large, steady changes", baselineForks,
                    currentForks, tests, ALPHA * 100);
        } else {
            test = "these weights are not sample counts and there are not two forks a side to measure the noise "
                    + "by, so no change can be called significant and nothing is coloured";
        }
        return "Frames are matched by method, not by path. A frame is red or blue only when its method's own (self) "
                + "share changed beyond chance (" + test + "); grey frames did not change measurably. Hatched: a "
                + "method the baseline never ran. Stacks of all forks of each side are merged.";
    }

    /**
     * The share of the current profile's weight in stacks that pass through a coloured frame (grew, shrank or
     * new): how much of the graph's width a reader is asked to look at.
     */
    public double colouredShare(CallTree current) {
        if (current.totalWeight() == 0) {
            return 0;
        }
        long coloured = 0;
        Deque<CallTree.Node> pending = new ArrayDeque<>(current.root().children());
        while (!pending.isEmpty()) {
            CallTree.Node node = pending.pop();
            if (isColoured(node.name())) {
                coloured += node.total(); // the whole subtree lies under a coloured frame
            } else {
                node.children().forEach(pending::push);
            }
        }
        return coloured / (double) current.totalWeight();
    }

    private boolean isColoured(String name) {
        Method m = byName.get(name);
        return m != null && m.change() != Change.NONE;
    }

    /** Per method: {self, total}; total counts a stack once however often the method recurs in it. */
    static Map<String, long[]> perMethod(CallTree tree) {
        Map<String, long[]> out = new HashMap<>();
        walk(tree, (node, firstOnPath) -> {
            long[] m = out.computeIfAbsent(node.name(), k -> new long[2]);
            m[0] += node.self();
            if (firstOnPath) {
                m[1] += node.total();
            }
        });
        return out;
    }

    private interface Visitor {
        void visit(CallTree.Node node, boolean firstOnPath);
    }

    /** Every node but the root, depth first without recursion, told whether its name is new on its path. */
    private static void walk(CallTree tree, Visitor visitor) {
        Map<String, Integer> onPath = new HashMap<>();
        Deque<Iterator<CallTree.Node>> levels = new ArrayDeque<>();
        Deque<String> path = new ArrayDeque<>();
        levels.push(tree.root().children().iterator());
        while (!levels.isEmpty()) {
            Iterator<CallTree.Node> level = levels.peek();
            if (!level.hasNext()) {
                levels.pop();
                if (!path.isEmpty() && levels.size() == path.size()) {
                    onPath.merge(path.pop(), -1, Integer::sum);
                }
                continue;
            }
            CallTree.Node node = level.next();
            boolean first = onPath.getOrDefault(node.name(), 0) == 0;
            visitor.visit(node, first);
            if (node.childCount() > 0) {
                onPath.merge(node.name(), 1, Integer::sum);
                path.push(node.name());
                levels.push(node.children().iterator());
            }
        }
    }

    /** Per fork: per method, {self share, total share}. */
    private static List<Map<String, double[]>> forkShares(List<CallTree> forks) {
        List<Map<String, double[]>> out = new ArrayList<>(forks.size());
        for (CallTree fork : forks) {
            Map<String, double[]> shares = new HashMap<>();
            long total = fork.totalWeight();
            perMethod(fork).forEach((name, w) -> shares.put(name, new double[] {share(w[0], total), share(w[1], total)}));
            out.add(shares);
        }
        return out;
    }

    /** Welch's two-sided p on a method's per-fork shares; NaN when both sides do not vary at all. */
    private static double welch(List<Map<String, double[]>> before, List<Map<String, double[]>> now, String name,
                                int measure) {
        double[] x = new double[before.size()];
        double[] y = new double[now.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = before.get(i).getOrDefault(name, new double[2])[measure];
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = now.get(i).getOrDefault(name, new double[2])[measure];
        }
        if (variance(x) == 0 && variance(y) == 0) {
            return Double.NaN; // constant on both sides (0 %, or 100 % everywhere): nothing the test can say
        }
        return TTEST.tTest(x, y);
    }

    private static final TTest TTEST = new TTest();

    private static double variance(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d / v.length;
        }
        double sum = 0;
        for (double d : v) {
            sum += (d - mean) * (d - mean);
        }
        return sum;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    /** Two-sided p of the pooled two-proportion z-test; NaN when there is nothing to test (no weight, or 0 / 100 %). */
    static double pValue(long x1, long n1, long x2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return Double.NaN;
        }
        double pooled = (x1 + x2) / (double) (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (!(se > 0)) {
            return Double.NaN;
        }
        double z = Math.abs(x2 / (double) n2 - x1 / (double) n1) / se;
        return Math.min(1, 2 * NORMAL.cumulativeProbability(-z));
    }

    /** Holm's step-down: the k-th smallest p (from 0) passes at ALPHA / (m - k), until the first that does not. */
    private static void holm(List<double[]> pValues, boolean[][] significant) {
        pValues.sort(Comparator.comparingDouble(p -> p[0]));
        int m = pValues.size();
        for (int k = 0; k < m; k++) {
            double[] p = pValues.get(k);
            if (p[0] > ALPHA / (m - k)) {
                break;
            }
            significant[(int) p[1]][(int) p[2]] = true;
        }
    }

    private static double nanToOne(double p) {
        return Double.isNaN(p) ? 1 : p;
    }

    @Override
    public String toString() {
        return "MethodDiff[methods=" + methods.size() + ", tests=" + tests + "]";
    }
}
