package io.flightdeck.harness.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.flightdeck.flamegraphs.diff.MethodDiff;

/**
 * Which methods gained most share of a profile between two runs: their self share (stacks ending in them), where the
 * time was spent or the bytes allocated. Shares, not raw weights, because the two runs need not have run equally
 * long. Only gains are listed: they say where a regression's extra time went; what lost share only lost it to them.
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
}
