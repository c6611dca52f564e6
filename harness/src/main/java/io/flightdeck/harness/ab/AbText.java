package io.flightdeck.harness.ab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.compare.ChangeVerdict;
import io.flightdeck.harness.compare.ComparisonText;
import io.flightdeck.harness.compare.SampleComparison;
import io.flightdeck.harness.text.MarkdownText;

/**
 * An A/B comparison as text: ab.md, and what the terminal prints. Markdown that reads as plain text, so a CI job
 * can put it in its summary or a pull-request comment as it is.
 */
public final class AbText {

    private AbText() {
    }

    public static String render(AbReport r) {
        List<String> out = new ArrayList<>();
        out.add("## A/B: " + label(r.head()) + " against " + label(r.base()) + ": "
                + (r.verdict() == ChangeVerdict.NO_CHANGE ? "no regression" : ComparisonText.word(r.verdict())));
        out.add("");
        int metrics = (int) Math.round(r.falseAlarmLevel() / r.metricAlpha());
        String rounds = r.settings() != null && r.settings().duet()
                ? "both forks of a round at once, each on half of the CPUs" : "one fork of each side per round, in "
                + "random order";
        out.add(String.format(Locale.ROOT, "%d round%s in %.0f s (%s, order seed %d); stopped because %s. "
                        + "False-alarm level %.3g over %d metrics (each held to %.2g at every round), regression "
                        + "limit %s.", r.rounds(), r.rounds() == 1 ? "" : "s", r.seconds(), rounds, r.orderSeed(),
                r.stopText(), r.falseAlarmLevel(), metrics, r.metricAlpha(),
                SampleComparison.pct(r.regressionLimit()).replace("+", "")));
        if (r.noise() != null) {
            out.add("");
            out.add(String.format(Locale.ROOT, "Other processes used %.2f CPU cores on average (%.2f at most) "
                    + "while it ran; both sides shared that.", r.noise().meanOtherCpuCores(),
                    r.noise().maxOtherCpuCores()));
        }
        out.add("");
        out.add("| workload | case | metric | base | head | change | interval | rounds | verdict |");
        out.add("|---|---|---|---|---|---|---|---|---|");
        List<String> modes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (AbRounds.WorkloadOutcome w : r.workloads()) {
            if (w.failure() != null) {
                failures.add("- " + MarkdownText.escape(w.workload()) + ": " + MarkdownText.escape(w.failure()));
            }
            for (AbRounds.CaseOutcome c : w.cases()) {
                for (PairedMetric.Judgement j : c.metrics()) {
                    out.add("| " + String.join(" | ", MarkdownText.escape(w.workload()),
                            MarkdownText.escape(c.label()), j.metric(), BudgetFormat.measured(j.unit(), j.base()),
                            BudgetFormat.measured(j.unit(), j.head()), SampleComparison.pct(j.change()),
                            bound(j.lower()) + " to " + bound(j.upper()), String.valueOf(j.rounds()),
                            ComparisonText.symbol(j.verdict()) + " " + ComparisonText.word(j.verdict())) + " |");
                }
                if (c.baseModes() != null || c.headModes() != null) {
                    modes.add("- " + MarkdownText.escape(w.workload() + " " + c.label()) + ": base "
                            + modes(c.baseModes()) + "; head " + modes(c.headModes())
                            + (c.sameShares() == null ? "" : String.format(Locale.ROOT,
                            "; the fast share differs with p = %.2g (Fisher)", c.sameShares()))
                            + within(c.speedShifts()));
                }
            }
        }
        if (!modes.isEmpty()) {
            out.add("");
            out.add("JVMs that settled at two speeds (per fork mean latency). The verdict rests on each round's "
                    + "ratio; when the change moved JVMs from one speed to the other, that ratio holds both the move "
                    + "and the change within a speed, told apart here (within a speed: forks compared unpaired, "
                    + "Hodges–Lehmann with a 95 % interval, not held to the false-alarm level):");
            out.addAll(modes);
        }
        if (!failures.isEmpty()) {
            out.add("");
            out.add("Failed:");
            out.addAll(failures);
        }
        out.add("");
        out.add(summary(r));
        return String.join("\n", out) + "\n";
    }

    /** A round as the progress prints it: "round 7 (10.2 s): undecided: w size=1000 p99: −3.0 % to +25.1 %; …". */
    public static String round(int round, List<String> undecided, List<String> open, double seconds) {
        String metrics = open.size() <= 3 ? String.join("; ", open)
                : String.join("; ", open.subList(0, 3)) + "; and " + (open.size() - 3) + " more";
        return String.format(Locale.ROOT, "round %d (%.1f s): %s", round, seconds,
                undecided.isEmpty() ? "all decided" : "undecided: " + metrics);
    }

    /** The last line: the verdict, what regressed, the exit code. */
    static String summary(AbReport r) {
        List<String> regressed = r.workloads().stream().filter(w -> w.verdict() == ChangeVerdict.REGRESSED)
                .map(AbRounds.WorkloadOutcome::workload).toList();
        List<String> open = r.workloads().stream().filter(w -> w.verdict() == ChangeVerdict.INCONCLUSIVE)
                .map(AbRounds.WorkloadOutcome::workload).toList();
        String s = switch (r.verdict()) {
            case REGRESSED -> "REGRESSED: " + String.join(", ", regressed);
            case INCONCLUSIVE -> "INCONCLUSIVE: " + String.join(", ", open) + " undecided when it stopped";
            case IMPROVED -> "IMPROVED, nothing regressed";
            case NO_CHANGE -> "NO REGRESSION beyond the limit";
        };
        if (r.verdict() == ChangeVerdict.REGRESSED && !open.isEmpty()) {
            s += "; undecided: " + String.join(", ", open);
        }
        return "**" + s + "** (exit code " + r.exitCode() + ")";
    }

    private static String modes(SpeedModes m) {
        if (m == null) {
            return "one speed";
        }
        return String.format(Locale.ROOT, "%d of %d at %s, %d at %s", m.fastForks(), m.forks(),
                BudgetFormat.measured("ns", m.fast()), m.slowForks(), BudgetFormat.measured("ns", m.slow()));
    }

    /** "; within the slow speed: +18.0 % (+9.1 % to +27.3 %, 7 base and 11 head forks); …", or nothing. */
    private static String within(SpeedShifts shifts) {
        if (shifts == null) {
            return "";
        }
        return "; within the fast speed: " + within(shifts.fast()) + "; within the slow speed: "
                + within(shifts.slow());
    }

    private static String within(SpeedShifts.Shift s) {
        String forks = String.format(Locale.ROOT, "%d base and %d head fork%s", s.baseForks(), s.headForks(),
                s.headForks() == 1 ? "" : "s");
        if (!s.measured()) {
            return "too few forks to compare (" + forks + ")";
        }
        return SampleComparison.pct(s.change()) + " (" + SampleComparison.pct(s.lower()) + " to "
                + SampleComparison.pct(s.upper()) + ", " + forks + ")";
    }

    private static String bound(Double v) {
        return v == null ? "unbounded" : SampleComparison.pct(v);
    }

    private static String label(AbReport.Revision r) {
        String c = r.commit().substring(0, Math.min(12, r.commit().length()));
        return r.workingTree() ? "the working tree (on " + c + ")" : r.ref() + " (" + c + ")";
    }
}
