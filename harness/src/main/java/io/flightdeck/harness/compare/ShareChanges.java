package io.flightdeck.harness.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.WeightedStack;
import io.flightdeck.flamegraphs.diff.MethodDiff;

/**
 * Which frames gained most share of a profile between two runs: the leaf of every stack, where the time was spent
 * or the bytes allocated. Shares, not raw weights, because the two runs need not have run equally long. Only gains
 * are listed: they say where a regression's extra time went; what lost share only lost it to them.
 */
public final class ShareChanges {

    private ShareChanges() {
    }

    /**
     * The {@code top} methods whose own (self) share grew, from a method-by-method comparison: those whose growth is
     * significant first, each group the largest gain first; empty when either profile is empty.
     */
    public static List<ShareChange> of(MethodDiff diff, int top) {
        if (diff.baselineWeight() == 0 || diff.currentWeight() == 0) {
            return List.of();
        }
        List<MethodDiff.Method> gained = new ArrayList<>();
        for (MethodDiff.Method m : diff.methods()) {
            if (m.selfDelta() > 0) {
                gained.add(m);
            }
        }
        gained.sort(Comparator.comparing((MethodDiff.Method m) -> !m.selfSignificant())
                .thenComparingDouble(m -> -m.selfDelta()).thenComparing(MethodDiff.Method::name));
        List<ShareChange> changes = new ArrayList<>();
        for (MethodDiff.Method m : gained.subList(0, Math.min(top, gained.size()))) {
            changes.add(new ShareChange(m.name(), m.baselineSelfShare(), m.currentSelfShare()));
        }
        return List.copyOf(changes);
    }

    /** The {@code top} frames that gained share, the largest gain first; empty when either profile is empty. */
    public static List<ShareChange> of(CallTree baseline, CallTree current, int top) {
        if (baseline.totalWeight() == 0 || current.totalWeight() == 0) {
            return List.of();
        }
        Map<String, Double> before = leafShares(baseline);
        Map<String, Double> after = leafShares(current);
        Set<String> frames = new HashSet<>(before.keySet());
        frames.addAll(after.keySet());
        List<ShareChange> changes = new ArrayList<>();
        for (String f : frames) {
            ShareChange c = new ShareChange(f, before.getOrDefault(f, 0.0), after.getOrDefault(f, 0.0));
            if (c.delta() > 0) {
                changes.add(c);
            }
        }
        changes.sort(Comparator.comparingDouble((ShareChange c) -> -c.delta())
                .thenComparing(ShareChange::frame));
        return List.copyOf(changes.subList(0, Math.min(top, changes.size())));
    }

    static Map<String, Double> leafShares(CallTree tree) {
        Map<String, Double> shares = new HashMap<>();
        double total = tree.totalWeight();
        for (WeightedStack s : tree.stacks()) {
            if (!s.frames().isEmpty()) {
                shares.merge(s.frames().get(s.frames().size() - 1), s.weight() / total, Double::sum);
            }
        }
        return shares;
    }
}
