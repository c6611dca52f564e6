package io.flightdeck.harness.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.flightdeck.harness.check.BudgetFormat;

/** A comparison in words and tables, the same on the terminal and in {@code comparison.md}. */
public final class ComparisonText {

    public static final List<String> HEADER = List.of("Workload", "Case", "Metric", "Baseline", "Current",
            "Change (95 % CI)", "Verdict");

    private ComparisonText() {
    }

    /**
     * The table's rows: for each compared case its mean latency, and every other metric whose verdict is not
     * "no change" (the full list is in comparison.json); workloads not compared say why.
     */
    public static List<List<String>> rows(RunComparison c) {
        List<List<String>> rows = new ArrayList<>();
        for (RunComparison.WorkloadComparison w : c.workloads()) {
            if (w.verdict() == null) {
                rows.add(List.of(w.workload(), "", "", "", "", "", switch (w.status()) {
                    case "new" -> "new: not in the baseline";
                    case "missing" -> "missing: in the baseline, not in this run";
                    default -> "not compared: failed in one of the runs";
                }));
                continue;
            }
            for (RunComparison.CaseComparison k : w.cases()) {
                for (RunComparison.MetricComparison m : k.metrics()) {
                    if (m.metric().equals("mean") || m.change().verdict() != ChangeVerdict.NO_CHANGE) {
                        rows.add(row(w.workload(), k.caseLabel(), m));
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> row(String workload, String caseLabel, RunComparison.MetricComparison m) {
        MetricChange ch = m.change();
        String interval = Double.isNaN(ch.lower()) ? "" : " (" + SampleComparison.pct(ch.lower()) + " to "
                + SampleComparison.pct(ch.upper()) + ")";
        return List.of(workload, caseLabel, m.metric(), BudgetFormat.measured(m.unit(), ch.baselineMedian()),
                BudgetFormat.measured(m.unit(), ch.currentMedian()),
                Double.isNaN(ch.change()) ? BudgetFormat.NONE : SampleComparison.pct(ch.change()) + interval,
                symbol(ch.verdict()) + " " + word(ch.verdict()));
    }

    /** The headline: "REGRESSED: 1 workload(s) regressed (lifecycle) ...". */
    public static String verdictLine(RunComparison c) {
        List<String> regressed = c.workloads().stream().filter(w -> w.verdict() == ChangeVerdict.REGRESSED)
                .map(RunComparison.WorkloadComparison::workload).toList();
        List<String> unsure = c.workloads().stream().filter(w -> w.verdict() == ChangeVerdict.INCONCLUSIVE)
                .map(RunComparison.WorkloadComparison::workload).toList();
        if (c.workloads().stream().allMatch(w -> w.verdict() == null)) {
            return "NOTHING COMPARED: no workload of this run has a case in " + c.baseline().label() + " (run "
                    + c.baseline().runId() + ")";
        }
        String head = switch (c.verdict()) {
            case RunComparison.REGRESSED -> "REGRESSED";
            case RunComparison.INCONCLUSIVE -> "NO REGRESSION FOUND, SOME INCONCLUSIVE";
            default -> "NO REGRESSION";
        };
        return head + ": " + regressed.size() + " workload(s) regressed" + (regressed.isEmpty() ? ""
                : " (" + String.join(", ", regressed) + ")") + ", " + unsure.size() + " inconclusive"
                + (unsure.isEmpty() ? "" : " (" + String.join(", ", unsure) + ")") + "; against "
                + c.baseline().label() + " (run " + c.baseline().runId() + ")";
    }

    /** Lines on why each regressed workload regressed: the frames that gained most share, the diff graphs. */
    public static List<String> why(RunComparison c) {
        List<String> lines = new ArrayList<>();
        for (RunComparison.WorkloadComparison w : c.workloads()) {
            if (w.why() == null) {
                continue;
            }
            lines.add(w.verdict() == ChangeVerdict.REGRESSED ? "why " + w.workload() + " regressed:"
                    : "what changed in " + w.workload() + " (inconclusive):");
            if (w.verdict() == ChangeVerdict.INCONCLUSIVE) {
                w.cases().stream().flatMap(k -> k.metrics().stream()).map(RunComparison.MetricComparison::change)
                        .filter(m -> m.verdict() == ChangeVerdict.INCONCLUSIVE).findFirst()
                        .ifPresent(m -> lines.add("   inconclusive: " + m.reason()));
            }
            share(lines, "CPU (self time)", w.why().methods());
            share(lines, "allocation sites", w.why().allocationSites());
            w.why().flameGraphs().forEach(g -> lines.add("   differential flame graph: " + g));
            if (w.why().methodTables() != null) {
                w.why().methodTables().forEach(t -> lines.add("   by method: " + t));
            }
            if (w.why().note() != null) {
                lines.add("   " + w.why().note());
            }
        }
        return lines;
    }

    private static void share(List<String> lines, String title, List<ShareChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        lines.add("   " + title + ", the frames that gained most share:");
        for (ShareChange s : changes) {
            lines.add(String.format(Locale.ROOT, "     %+6.1f pp  %5.1f %% -> %5.1f %%  %s", s.delta() * 100,
                    s.baselineShare() * 100, s.currentShare() * 100, s.frame()));
        }
    }

    /**
     * What the second run of the regressed workloads showed, or null when none ran: "Confirmed by a second run: …"
     * or "Not confirmed by a second run: …".
     */
    public static String confirmationLine(RunComparison c) {
        RunComparison.Confirmation k = c.confirmation();
        if (k == null) {
            return null;
        }
        List<String> cleared = k.workloads().stream()
                .filter(w -> !k.confirmed().contains(w) && !k.failed().contains(w)).toList();
        String head = !cleared.isEmpty() && !k.confirmed().isEmpty() ? "Partly confirmed by a second run: "
                : !k.confirmed().isEmpty() ? "Confirmed by a second run: "
                : !cleared.isEmpty() ? "Not confirmed by a second run: " : "Not confirmed, the second run failed: ";
        StringBuilder line = new StringBuilder(head).append(String.join(", ", k.workloads()))
                .append(" regressed, so ran again (").append(k.forks()).append(" more fork(s) each, in ")
                .append(k.folder()).append("/); with every fork of both runs counted");
        if (!k.confirmed().isEmpty()) {
            line.append(", still regressed: ").append(String.join(", ", k.confirmed()));
        }
        if (!cleared.isEmpty()) {
            line.append(k.confirmed().isEmpty() ? ", " : "; ").append("no longer regressed: ")
                    .append(String.join(", ", cleared)).append(" (the first run's slowdown did not hold in every JVM)");
        }
        if (!k.failed().isEmpty()) {
            line.append("; failed in the second run, so judged on the first alone: ")
                    .append(String.join(", ", k.failed()));
        }
        return line.toString();
    }

    /**
     * How busy the machine was on each side, by their noise monitors: "baseline: quiet (0.05 cores of other load,
     * at most 0.20), this run: busy (0.80 cores, at most 1.60)"; null when neither side measured it (old reports).
     */
    public static String noiseLine(RunComparison c) {
        if (c.baseline().meanOtherCpuCores() == null && c.current().meanOtherCpuCores() == null) {
            return null;
        }
        double busyCores = c.thresholds() == null ? ChangeThresholds.DEFAULTS.busyCores()
                : c.thresholds().busyCores();
        return "baseline: " + noise(c.baseline(), busyCores) + ", this run: " + noise(c.current(), busyCores)
                + String.format(Locale.ROOT, " (busy: more than %.2f cores on average)", busyCores);
    }

    private static String noise(RunComparison.Side side, double busyCores) {
        if (side.meanOtherCpuCores() == null) {
            return "not measured";
        }
        return String.format(Locale.ROOT, "%s (%.2f cores of other load", side.busy(busyCores) ? "busy" : "quiet",
                side.meanOtherCpuCores()) + (side.maxOtherCpuCores() == null ? ")"
                : String.format(Locale.ROOT, ", at most %.2f)", side.maxOtherCpuCores()));
    }

    /** What makes the two sides unlike beyond the code: another machine or JVM, another recording; empty if none. */
    public static List<String> warnings(RunComparison c) {
        List<String> warnings = new ArrayList<>();
        if (!c.sameEnvironment()) {
            warnings.add("the baseline ran in another environment (fingerprint " + c.baseline().fingerprint()
                    + ", this run " + c.current().fingerprint() + "): a change may be the machine's, not the code's");
        }
        String recording = recordingWarning(c);
        if (recording != null) {
            warnings.add(recording);
        }
        return warnings;
    }

    /**
     * A warning when the two sides' children were recorded differently (JFR settings, sampler or its intervals):
     * recording costs a CPU-bound, allocating workload several percent, more or less by sampler and interval
     * (docs/PERFORMANCE.md, "What recording costs"). Null when alike, or when a side does not say.
     */
    static String recordingWarning(RunComparison c) {
        String baseline = c.baseline().recording();
        String current = c.current().recording();
        if (baseline == null || current == null || baseline.equals(current)) {
            return null;
        }
        return "the sides were recorded differently (baseline: " + baseline + "; this run: " + current
                + "): recording costs differ, so a change may be the recording's, not the code's";
    }

    public static String word(ChangeVerdict v) {
        return switch (v) {
            case IMPROVED -> "improved";
            case NO_CHANGE -> "no change";
            case REGRESSED -> "regressed";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    public static String symbol(ChangeVerdict v) {
        return switch (v) {
            case IMPROVED -> "✅";
            case NO_CHANGE -> "·";
            case REGRESSED -> "❌";
            case INCONCLUSIVE -> "❔";
        };
    }
}
