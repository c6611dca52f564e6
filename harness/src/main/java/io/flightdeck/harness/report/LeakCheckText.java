package io.flightdeck.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.harness.leak.HeapTrend;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.profiling.Ranked;
import io.flightdeck.profiling.leaks.LeakAnalysis;

/**
 * A leak check in words, the same on the terminal and in report.md: the verdict, each piece of evidence with its
 * figure, and the suspects with where they were allocated and what holds them.
 */
public final class LeakCheckText {

    /** JFR's description of a class object in a reference chain: a static field hangs off it. */
    private static final String CLASS_OBJECT = "java.lang.Class (Class Name: ";

    private LeakCheckText() {
    }

    /** "❌ leak-planted: FAILED, the live heap grows 340 B/op (95 % CI ...)". */
    public static String headline(LeakCheckReport r) {
        return (r.failed() ? "❌ " : "✅ ") + r.workload() + (r.caseLabel().equals(WorkloadCase.DEFAULT_LABEL) ? "" : " " + r.caseLabel())
                + ": " + (r.failed() ? "FAILED" : "passed") + ", " + r.reason();
    }

    /** Each piece of evidence as {label, figures}; those the check could not gather are left out. */
    public static List<List<String>> evidence(LeakCheckReport r) {
        List<List<String>> rows = new ArrayList<>();
        LeakCheckReport.CheckpointEvidence c = r.checkpoints();
        if (c != null) {
            rows.add(List.of("live heap after full GC", c.series().size() + " checkpoints over "
                    + String.format(Locale.ROOT, "%.0f s", r.seconds()) + " and " + String.format(Locale.ROOT,
                    "%,d", r.operations()) + " op: " + bytes(c.baselineBytes()) + " at the start, peak "
                    + bytes(c.peakBytes()) + " (" + signed(c.growthBytes()) + "); trend " + trend(c.perOperation(), "/op")
                    + ", " + trend(c.perSecond(), "/s")));
        }
        LeakCheckReport.RecordingEvidence rec = r.recording();
        if (rec != null) {
            rows.add(List.of("heap after each GC (JFR)", rec.perSecond() == null
                    ? "too few collections for a trend (" + rec.collections() + ")"
                    : trend(rec.perSecond(), "/s") + (rec.perOperation() == null ? ""
                    : " = " + bytes(rec.perOperation().slope()) + "/op") + ", " + rec.collections()
                    + " collections" + (Boolean.TRUE.equals(rec.growing()) ? ": growing" : "")));
        }
        LeakCheckReport.RetainedEvidence ret = r.retained();
        if (ret != null) {
            String figures = ret.firstBytesPerItem() != null && ret.lastBytesPerItem() != null
                    ? bytes(ret.firstBytesPerItem()) + " per stored item at the start, " + bytes(ret.lastBytesPerItem())
                    + " at the end (" + percent(ret.change()) + "; " + String.format(Locale.ROOT, "%,d", ret.lastItems())
                    + " items)"
                    : bytes(ret.firstBytes()) + " at the start, " + bytes(ret.lastBytes()) + " at the end ("
                    + percent(ret.change()) + ")";
            // what the workload's session names as its subject (Session.retainedRoot): the engine, a user's cache...
            rows.add(List.of("subject retained (JOL)", figures + (ret.growing() ? ": growing"
                    : r.failed() && c != null && c.growing() ? ": flat, so the growth is outside the subject" : ": flat")));
        }
        LeakCheckReport.RuleEvidence rule = r.rule();
        if (rule != null) {
            rows.add(List.of("JMC IncreasingLiveSet", rule.severity()
                    + (rule.score() == null ? "" : String.format(Locale.ROOT, " (score %.0f)", rule.score()))
                    + (rule.message() == null ? "" : ": " + rule.message().replace('\u00a0', ' '))));
        }
        return rows;
    }

    /**
     * The top {@code limit} suspects, each as a few lines: the class and its share of the old-object samples, its
     * top allocation site, and the reference chain that holds most of them, from the static field that anchors it
     * when there is one (the class loader's path to that class is the same for every static and says nothing).
     */
    public static List<String> suspects(LeakCheckReport r, int limit) {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (LeakAnalysis.LeakSuspect s : r.suspects()) {
            if (n++ == limit) {
                break;
            }
            lines.add(n + ". " + s.className() + ": " + s.samples() + " old-object sample(s), "
                    + String.format(Locale.ROOT, "%.0f %%", s.percent()) + ", median age "
                    + String.format(Locale.ROOT, "%.0f s", s.medianAgeSeconds()));
            if (!s.allocationSites().isEmpty()) {
                Ranked site = s.allocationSites().get(0);
                lines.add("   allocated at " + site.name()
                        + String.format(Locale.ROOT, " (%.0f %% of them)", site.percent()));
            }
            if (!s.chains().isEmpty()) {
                lines.add("   held by " + String.join(" → ", anchored(s.chains().get(0).path())));
            }
        }
        return lines;
    }

    /** The chain from its last static field on, or whole when no static field holds it. */
    static List<String> anchored(List<String> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).startsWith(CLASS_OBJECT) && !ownField(path.get(i))) {
                String element = path.get(i);
                int end = element.indexOf(')', CLASS_OBJECT.length());
                String anchor = end < 0 ? element
                        : "static " + element.substring(CLASS_OBJECT.length(), end) + element.substring(end + 1);
                List<String> out = new ArrayList<>();
                out.add(anchor);
                out.addAll(path.subList(i + 1, path.size()));
                return out;
            }
        }
        return path;
    }

    /**
     * Whether the edge leaves the class object by one of {@code java.lang.Class}'s own fields (its generic signature,
     * reflection caches...) rather than by a static field of the class, which JFR describes the same way.
     */
    private static boolean ownField(String element) {
        int end = element.indexOf(')', CLASS_OBJECT.length());
        return end > 0 && end + 1 < element.length() && element.charAt(end + 1) == '.'
                && CLASS_OWN_FIELDS.contains(element.substring(end + 2));
    }

    /** The instance fields of {@code java.lang.Class} (JDK 17 to 25) that a reference chain can pass through. */
    private static final Set<String> CLASS_OWN_FIELDS = Set.of("cachedConstructor", "name", "module", "classLoader",
            "classData", "packageName", "componentType", "reflectionData", "classRedefinedCount", "genericInfo",
            "enumConstants", "enumConstantDirectory", "annotationData", "annotationType", "classValueMap",
            "newInstanceCallerCache", "signers", "protectionDomain");

    static String trend(HeapTrend t, String per) {
        if (t == null) {
            return "none (too few points)";
        }
        return bytes(t.slope()) + per + " (95 % CI " + bytes(t.lower()) + " to " + bytes(t.upper()) + ")";
    }

    private static String bytes(double value) {
        return BudgetFormat.measured(UnitKind.BYTES, value);
    }

    private static String signed(long value) {
        return (value >= 0 ? "+" : "") + bytes(value);
    }

    private static String percent(double fraction) {
        return BudgetFormat.margin(fraction);
    }
}
