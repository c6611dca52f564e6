package io.flightdeck.flamegraphs.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FoldedFormat;
import io.flightdeck.flamegraphs.WeightUnit;
import io.flightdeck.flamegraphs.WeightedStack;

/**
 * The differential graph's test on profiles drawn from a known distribution with fixed seeds: no machine, no timing,
 * the same outcome on every run. Twenty pairs each, so one lucky draw cannot make a pass.
 */
class MethodDiffTest {

    static final int SAMPLES = 20_000;
    static final int PAIRS = 20;
    final SyntheticProfiles program = new SyntheticProfiles(17);

    @Test
    void twoRunsOfTheSameBuildColourAtMostATenthOfTheGraph() {
        double worst = 0;
        double sparseness = 1;
        for (int pair = 0; pair < PAIRS; pair++) {
            CallTree baseline = program.draw(1000 + pair, SAMPLES, 1);
            CallTree current = program.draw(2000 + pair, SAMPLES, 1);
            MethodDiff diff = MethodDiff.of(baseline, current, WeightUnit.SAMPLES);
            worst = Math.max(worst, diff.colouredShare(current));
            sparseness = Math.min(sparseness, shareOnPathsTheBaselineLacks(baseline, current));
        }
        // the case the test is about: matched path by path, a good part of the graph would be "new"
        assertThat(sparseness).as("share of the current profile on paths the baseline never took").isGreaterThan(0.10);
        assertThat(worst).as("largest coloured share over %d pairs", PAIRS).isLessThanOrEqualTo(0.10);
    }

    @Test
    void aMethodMadeThirtyPercentSlowerIsTheWidestRedFrameAndTopsTheTable() {
        for (int pair = 0; pair < PAIRS; pair++) {
            CallTree baseline = program.draw(3000 + pair, SAMPLES, 1);
            CallTree current = program.draw(4000 + pair, SAMPLES, 1.3);
            MethodDiff diff = MethodDiff.of(baseline, current, WeightUnit.SAMPLES);

            assertThat(widestRedFrame(current, diff)).as("pair %d", pair).isEqualTo(SyntheticProfiles.SLOW);
            MethodDiff.Method top = diff.methods().get(0);
            assertThat(top.name()).as("pair %d", pair).isEqualTo(SyntheticProfiles.SLOW);
            assertThat(top.selfSignificant()).isTrue();
            assertThat(top.change()).isEqualTo(MethodDiff.Change.GREW);
            // its caller's total grew as much, but its own time did not: not red, and below it in the table
            assertThat(diff.method(SyntheticProfiles.CALLER).change()).isNotEqualTo(MethodDiff.Change.GREW);
        }
    }

    @Test
    void sharesAndTheTestMatchAHandCalculation() throws IOException {
        CallTree baseline = tree("main;a 50\nmain;b 50\n");
        CallTree current = tree("main;a 160\nmain;b 20\nmain;fresh 20\n");

        MethodDiff diff = MethodDiff.of(baseline, current, WeightUnit.SAMPLES);

        MethodDiff.Method a = diff.method("a");
        assertThat(a.baselineSelfShare()).isEqualTo(0.5);
        assertThat(a.currentSelfShare()).isEqualTo(0.8);
        // pooled p = 210 / 300 = 0.7, se = sqrt(0.7 * 0.3 * (1/100 + 1/200)) = 0.05612, z = 0.3 / 0.05612 = 5.345
        assertThat(a.selfP()).isCloseTo(9.03e-8, within(0.05e-8));
        assertThat(a.change()).isEqualTo(MethodDiff.Change.GREW);
        assertThat(diff.method("b").change()).isEqualTo(MethodDiff.Change.SHRANK);
        assertThat(diff.method("fresh").change()).isEqualTo(MethodDiff.Change.NEW);
        assertThat(diff.method("main").change()).isEqualTo(MethodDiff.Change.NONE); // 100 % on both sides
        assertThat(diff.methods().get(0).name()).isEqualTo("a");
        assertThat(diff.methods().get(diff.methods().size() - 1).name()).isEqualTo("b");
    }

    @Test
    void aMethodTheBaselineRanOnAnotherPathIsNotNew() throws IOException {
        CallTree baseline = tree("main;x;work 500\nmain;y 500\n");
        CallTree current = tree("main;z;work 500\nmain;y 500\n"); // the same work, called from elsewhere

        MethodDiff diff = MethodDiff.of(baseline, current, WeightUnit.SAMPLES);

        assertThat(diff.method("work").change()).isEqualTo(MethodDiff.Change.NONE);
        assertThat(diff.method("z").change()).isEqualTo(MethodDiff.Change.NEW);
        assertThat(diff.method("x").change()).isEqualTo(MethodDiff.Change.GONE);
        // z has no time of its own: the only coloured frame, it covers its subtree's width
        assertThat(diff.colouredShare(current)).isEqualTo(0.5);
    }

    @Test
    void aFewSamplesOfAMethodTheBaselineLacksAreNotEnoughToCallItNew() throws IOException {
        CallTree baseline = tree("main;a 1000\n");
        CallTree current = tree("main;a 997\nmain;rare 3\n");

        assertThat(MethodDiff.of(baseline, current, WeightUnit.SAMPLES).method("rare").change())
                .isEqualTo(MethodDiff.Change.NONE);
    }

    @Test
    void recursionCountsAStackOnceInAMethodsTotal() throws IOException {
        MethodDiff diff = MethodDiff.of(tree("main;f;f;f 10\nmain;g 10\n"), tree("main;f;f;f 10\nmain;g 10\n"),
                WeightUnit.SAMPLES);

        assertThat(diff.method("f").baselineTotal()).isEqualTo(10);
        assertThat(diff.method("f").baselineTotalShare()).isEqualTo(0.5);
    }

    @Test
    void bytesFromOneForkASideAreNeverCalledSignificant() throws IOException {
        CallTree baseline = tree("main;a 500000\nmain;b 500000\n");
        CallTree current = tree("main;a 900000\nmain;b 100000\n");

        MethodDiff diff = MethodDiff.of(baseline, current, WeightUnit.BYTES);

        assertThat(diff.tested()).isFalse();
        assertThat(diff.testable()).isFalse();
        assertThat(diff.method("a").change()).isEqualTo(MethodDiff.Change.NONE);
        assertThat(diff.explanation()).contains("not sample counts", "nothing is coloured");
    }

    @Test
    void bytesFromSeveralForksAreTestedAgainstTheirVariationBetweenForks() throws IOException {
        List<CallTree> before = List.of(tree("main;a 500\nmain;b 500\n"), tree("main;a 510\nmain;b 490\n"),
                tree("main;a 495\nmain;b 505\n"));
        List<CallTree> steady = List.of(tree("main;a 700\nmain;b 300\n"), tree("main;a 705\nmain;b 295\n"),
                tree("main;a 698\nmain;b 302\n"));
        List<CallTree> erratic = List.of(tree("main;a 900\nmain;b 100\n"), tree("main;a 300\nmain;b 700\n"),
                tree("main;a 900\nmain;b 100\n"));

        MethodDiff grew = MethodDiff.of(merged(before), before, merged(steady), steady, WeightUnit.BYTES);
        MethodDiff noisy = MethodDiff.of(merged(before), before, merged(erratic), erratic, WeightUnit.BYTES);

        assertThat(grew.method("a").change()).isEqualTo(MethodDiff.Change.GREW);
        assertThat(grew.explanation()).contains("Welch");
        // a larger mean change, but the forks disagree: not significant
        assertThat(noisy.method("a").change()).isEqualTo(MethodDiff.Change.NONE);
    }

    private static CallTree merged(List<CallTree> forks) {
        CallTree all = new CallTree();
        forks.forEach(all::merge);
        return all;
    }

    /** The current tree's heaviest node whose method grew: what a reader sees as the widest red frame. */
    static String widestRedFrame(CallTree current, MethodDiff diff) {
        String widest = null;
        long width = -1;
        Deque<CallTree.Node> pending = new ArrayDeque<>(current.root().children());
        while (!pending.isEmpty()) {
            CallTree.Node node = pending.pop();
            MethodDiff.Method m = diff.method(node.name());
            if (m.change() == MethodDiff.Change.GREW && node.total() > width) {
                widest = node.name();
                width = node.total();
            }
            node.children().forEach(pending::push);
        }
        return widest;
    }

    static double shareOnPathsTheBaselineLacks(CallTree baseline, CallTree current) {
        Set<java.util.List<String>> before = new HashSet<>();
        for (WeightedStack s : baseline.stacks()) {
            before.add(s.frames());
        }
        long lacking = 0;
        for (WeightedStack s : current.stacks()) {
            if (!before.contains(s.frames())) {
                lacking += s.weight();
            }
        }
        return lacking / (double) current.totalWeight();
    }

    static CallTree tree(String folded) throws IOException {
        return FoldedFormat.read(new StringReader(folded));
    }
}
