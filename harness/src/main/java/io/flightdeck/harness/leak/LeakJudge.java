package io.flightdeck.harness.leak;

import java.util.List;
import java.util.Locale;

import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.child.CaseResult;
import io.flightdeck.child.Checkpoint;
import io.flightdeck.child.HeapFull;
import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.gc.GcAnalysis;
import io.flightdeck.profiling.leaks.LeakAnalysis;
import io.flightdeck.profiling.rules.RuleFinding;

/**
 * Decides whether one case leaks. The checkpoints decide: the live heap after forced full collections is the one
 * measurement without garbage in it, so its trend is both the most sensitive and the least noisy. A case fails when
 * that trend is significant (its 95 % interval above zero) and steeper than a limit, per operation or per second, or
 * when its JVM did not finish. The other evidence is reported beside it, each with its own figure, to corroborate
 * or to explain (an engine that stays flat per item while the heap grows points outside the engine).
 */
public final class LeakJudge {

    /**
     * Retained bytes per stored item may drift this much before it counts: the engine's index keeps deleted
     * entries as tombstones until it compacts, a sawtooth of ±10 % on the bounded store.
     */
    public static final double RETAINED_TOLERANCE = 0.25;
    /** JMC's IncreasingLiveSet rule. */
    public static final String RULE_ID = "IncreasingLiveSet";

    private LeakJudge() {
    }

    /**
     * @param result   what the child measured for the case; null when the child left no result for it
     * @param failure  why the child did not finish, null when it did
     * @param analysis the recording's analysis over the measured span, null when there is none
     * @param files    where the recording and its analysis are, relative to the run folder
     */
    public static LeakCheckReport judge(String workload, String caseLabel, CaseResult result, String failure,
                                        Analysis analysis, LeakLimits limits, Files files) {
        List<Checkpoint> series = result == null ? List.of() : result.checkpoints();
        CheckpointEvidenceBuilder cp = new CheckpointEvidenceBuilder(series, limits);
        LeakCheckReport.CheckpointEvidence checkpoints = cp.build();
        long operations = series.isEmpty() ? 0 : series.get(series.size() - 1).operations();
        double seconds = series.isEmpty() ? 0 : series.get(series.size() - 1).seconds();
        LeakCheckReport.RecordingEvidence recording = recording(analysis, operations, seconds, limits);
        LeakCheckReport.RetainedEvidence retained = retained(series);
        LeakCheckReport.RuleEvidence rule = rule(analysis);
        List<LeakAnalysis.LeakSuspect> suspects = analysis == null || analysis.leaks() == null ? List.of()
                : analysis.leaks().suspects();

        HeapFull heapFull = result == null ? null : result.heapFull();
        String verdict;
        String reason;
        if (heapFull != null) { // before the JVM's failure: a full heap is what that failure would be about
            verdict = LeakCheckReport.FAILED;
            reason = heapFullReason(heapFull, checkpoints, limits);
        } else if (failure != null && failure.contains(OutOfMemoryError.class.getSimpleName())) {
            verdict = LeakCheckReport.FAILED;
            reason = "out of memory before a checkpoint could stop the check, so the JVM did not finish it: "
                    + failure;
        } else if (failure != null) {
            verdict = LeakCheckReport.FAILED;
            reason = "the JVM did not finish the check: " + failure;
        } else if (series.size() < HeapTrend.MIN_POINTS) {
            verdict = LeakCheckReport.FAILED;
            reason = "only " + series.size() + " checkpoint(s), too few to judge a trend (at least "
                    + HeapTrend.MIN_POINTS + "): give it a longer --duration";
        } else if (checkpoints.perOperation() == null || checkpoints.perSecond() == null) {
            verdict = LeakCheckReport.FAILED;
            reason = "no trend could be fitted: the checkpoints do not spread over operations and time"
                    + " (did the workload run any operation?)";
        } else if (checkpoints.growing()) {
            verdict = LeakCheckReport.FAILED;
            reason = growthReason(checkpoints, limits);
        } else {
            verdict = LeakCheckReport.PASSED;
            reason = "no significant growth above the limits: " + perOp(checkpoints.perOperation(), limits) + "; "
                    + perSecond(checkpoints.perSecond(), limits);
        }
        return new LeakCheckReport(workload, caseLabel, verdict, reason, limits, operations, seconds, checkpoints,
                recording, retained, rule, suspects, files.recording(), files.analysis(), files.flameGraphs(),
                failure, heapFull);
    }

    /**
     * "heap nearly full after 12 s: 104 MiB of 128 MiB (81 %, G1 Old Gen); the check stopped early; the live heap
     * grows 1.02 KiB/op (...)", or the OutOfMemoryError that came first. The trend, when there are checkpoints enough to
     * fit one, says how fast.
     */
    static String heapFullReason(HeapFull h, LeakCheckReport.CheckpointEvidence checkpoints, LeakLimits limits) {
        StringBuilder line = new StringBuilder();
        String after = "after " + String.format(Locale.ROOT, "%.0f", h.seconds()) + " s"
                + (HeapFull.WARM_UP.equals(h.phase()) ? " (during warm-up, before any measured iteration)" : "");
        if (h.outOfMemory()) {
            line.append("out of memory ").append(after).append(": ").append(h.error());
            if (h.usedBytes() >= 0) {
                line.append("; then ").append(fill(h)).append(" live");
            }
        } else {
            line.append("heap nearly full ").append(after).append(": ").append(fill(h));
        }
        line.append("; the check stopped early");
        if (checkpoints != null && checkpoints.perOperation() != null && checkpoints.perOperation().significant()) {
            line.append("; the live heap grows ").append(perOp(checkpoints.perOperation(), limits));
        }
        return line.toString();
    }

    /** "104 MiB of 128 MiB (81 %, G1 Old Gen)". */
    private static String fill(HeapFull h) {
        double percent = h.maxBytes() > 0 ? 100.0 * h.usedBytes() / h.maxBytes() : Double.NaN;
        return bytes(h.usedBytes()) + " of " + bytes(h.maxBytes()) + " ("
                + String.format(Locale.ROOT, "%.0f %%", percent) + ("heap".equals(h.pool()) ? "" : ", " + h.pool())
                + ")";
    }

    /** The recording's files, relative to the run folder. */
    public record Files(String recording, String analysis, List<String> flameGraphs) {
        public static final Files NONE = new Files(null, null, List.of());
    }

    private static String growthReason(LeakCheckReport.CheckpointEvidence c, LeakLimits limits) {
        if (c.perOperation() != null && c.perOperation().exceeds(limits.bytesPerOperation())) {
            return "the live heap grows " + perOp(c.perOperation(), limits);
        }
        return "the live heap grows " + perSecond(c.perSecond(), limits);
    }

    /** "382 B/op (95 % CI 371 B to 390 B; limit 32 B)". */
    static String perOp(HeapTrend t, LeakLimits limits) {
        return trend(t, "/op", limits.bytesPerOperation());
    }

    /** "1.20 KiB/s (95 % CI ...; limit 64 KiB)". */
    static String perSecond(HeapTrend t, LeakLimits limits) {
        return trend(t, "/s", limits.bytesPerSecond());
    }

    private static String trend(HeapTrend t, String per, double limit) {
        if (t == null) {
            return "no trend" + per;
        }
        return bytes(t.slope()) + per + " (95 % CI " + bytes(t.lower()) + " to " + bytes(t.upper()) + "; limit "
                + BudgetFormat.limit(UnitKind.BYTES, limit) + per + ")";
    }

    static String bytes(double value) {
        return BudgetFormat.measured(UnitKind.BYTES, value);
    }

    /** The checkpoints' trends against operations and against time. */
    private record CheckpointEvidenceBuilder(List<Checkpoint> series, LeakLimits limits) {

        LeakCheckReport.CheckpointEvidence build() {
            if (series.isEmpty()) {
                return null;
            }
            int n = series.size();
            double[] ops = new double[n];
            double[] secs = new double[n];
            double[] heap = new double[n];
            long peak = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                Checkpoint c = series.get(i);
                ops[i] = c.operations();
                secs[i] = c.seconds();
                heap[i] = c.liveHeapBytes();
                peak = Math.max(peak, c.liveHeapBytes());
            }
            HeapTrend perOp = HeapTrend.fit(ops, heap);
            HeapTrend perSecond = HeapTrend.fit(secs, heap);
            boolean growing = perOp != null && perOp.exceeds(limits.bytesPerOperation())
                    || perSecond != null && perSecond.exceeds(limits.bytesPerSecond());
            long baseline = series.get(0).liveHeapBytes();
            return new LeakCheckReport.CheckpointEvidence(baseline, peak, series.get(n - 1).liveHeapBytes(),
                    peak - baseline, perOp, perSecond, growing, series);
        }
    }

    private static LeakCheckReport.RecordingEvidence recording(Analysis analysis, long operations, double seconds,
                                                               LeakLimits limits) {
        if (analysis == null || analysis.gc() == null || analysis.gc().postGcSlope() == null) {
            return null;
        }
        GcAnalysis.HeapSlope s = analysis.gc().postGcSlope();
        if (s.bytesPerSecond() == null) {
            return new LeakCheckReport.RecordingEvidence(null, null, s.points(), null);
        }
        HeapTrend perSecond = new HeapTrend(s.bytesPerSecond(), s.lowerBytesPerSecond(), s.upperBytesPerSecond(),
                s.points());
        HeapTrend perOp = operations > 0 && seconds > 0 ? perSecond.scaled(seconds / operations) : null;
        boolean growing = perSecond.exceeds(limits.bytesPerSecond())
                || (perOp != null && perOp.exceeds(limits.bytesPerOperation()));
        return new LeakCheckReport.RecordingEvidence(perSecond, perOp, s.points(), growing);
    }

    /**
     * The engine's retained size at the start against the end: each the median of the first (last) third of the
     * weighings, so one weighing at the top of the index's compaction sawtooth does not decide it.
     */
    private static LeakCheckReport.RetainedEvidence retained(List<Checkpoint> series) {
        List<Checkpoint> weighed = series.stream().filter(c -> c.retainedBytes() != null).toList();
        if (weighed.size() < 2) {
            return null;
        }
        int third = Math.max(1, weighed.size() / 3);
        List<Checkpoint> start = weighed.subList(0, third);
        List<Checkpoint> end = weighed.subList(weighed.size() - third, weighed.size());
        Checkpoint first = weighed.get(0);
        Checkpoint last = weighed.get(weighed.size() - 1);
        boolean counted = weighed.stream().allMatch(c -> c.storedItems() != null && c.storedItems() > 0);
        double before = median(start, counted);
        double after = median(end, counted);
        double change = before > 0 ? after / before - 1 : 0; // an engine that retains nothing cannot grow per item
        return new LeakCheckReport.RetainedEvidence(first.retainedBytes(), last.retainedBytes(), first.storedItems(),
                last.storedItems(), counted ? before : null, counted ? after : null, change,
                change > RETAINED_TOLERANCE);
    }

    /** The median of retained bytes, per stored item when {@code perItem}. */
    private static double median(List<Checkpoint> weighings, boolean perItem) {
        double[] values = weighings.stream().mapToDouble(c -> perItem
                ? (double) c.retainedBytes() / c.storedItems() : c.retainedBytes()).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static LeakCheckReport.RuleEvidence rule(Analysis analysis) {
        if (analysis == null || analysis.rules() == null) {
            return null;
        }
        if (!analysis.rules().evaluated()) {
            return new LeakCheckReport.RuleEvidence("NOT_RUN", null, analysis.rules().skippedBecause());
        }
        return analysis.rules().findings().stream().filter(f -> RULE_ID.equals(f.id())).findFirst()
                .map(LeakJudge::toEvidence)
                .orElse(new LeakCheckReport.RuleEvidence("NOT_RUN", null, "JMC has no " + RULE_ID + " rule here"));
    }

    private static LeakCheckReport.RuleEvidence toEvidence(RuleFinding f) {
        return new LeakCheckReport.RuleEvidence(f.severity(), f.score(), f.message());
    }
}
