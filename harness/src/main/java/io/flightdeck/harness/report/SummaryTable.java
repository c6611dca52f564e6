package io.flightdeck.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.math3.stat.descriptive.rank.Median;

import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.harness.measure.ScalingFit;

/**
 * The rows of a run's summary, one per workload case (or one per failed workload that measured nothing), shared
 * by the terminal and {@code report.md} so both say the same thing.
 */
public final class SummaryTable {

    public static final List<String> HEADER = List.of("Workload", "Case", "P50", "P95", "P99", "Throughput",
            "Budgets", "Status");

    private SummaryTable() {
    }

    /** The rows with every budget spelled out in its cell: report.md's and report.html's. */
    public static List<List<String>> rows(RunReport report) {
        return rows(report, false);
    }

    /**
     * The rows with the budgets counted by verdict ("3 ✅ 1 ❌") instead of spelled out: the terminal's, where a
     * workload with many budgets would make the table wider than the terminal ({@link #budgetsNotHeld} says which
     * did not pass).
     */
    public static List<List<String>> compactRows(RunReport report) {
        return rows(report, true);
    }

    private static List<List<String>> rows(RunReport report, boolean compact) {
        List<List<String>> rows = new ArrayList<>();
        for (WorkloadReport w : report.workloads()) {
            if (w.cases().isEmpty()) {
                rows.add(List.of(w.name(), "—", "—", "—", "—", "—",
                        RunReport.FAILED.equals(w.status()) ? "failed: " + w.failure() : "no cases measured",
                        RunReport.FAILED.equals(w.status()) ? "❌" : "—"));
                continue;
            }
            for (CaseReport c : w.cases()) {
                List<BudgetVerdict> verdicts = report.budgets().stream()
                        .filter(v -> v.workload().equals(w.name()) && v.caseLabel().equals(c.label())).toList();
                String budgets = compact ? counted(verdicts) : verdicts.stream()
                        .map(v -> v.metric() + " " + BudgetFormat.target(v) + " " + v.status().symbol()
                                + (Double.isNaN(v.margin()) ? "" : " " + BudgetFormat.margin(v)))
                        .collect(Collectors.joining("; "));
                rows.add(List.of(w.name(), c.label(), percentile(c, c.latency().p50()),
                        percentile(c, c.latency().p95()), percentile(c, c.latency().p99()),
                        throughput(c.throughput(), c.operationUnit()),
                        budgets.isEmpty() ? "—" : budgets, status(w, verdicts)));
            }
            if (RunReport.FAILED.equals(w.status())) {
                rows.add(List.of(w.name(), "—", "—", "—", "—", "—", "failed: " + w.failure(), "❌"));
            }
        }
        return rows;
    }

    /** "2 ✅ 1 ⚠️ 1 ❌": how many budgets of a case came to each verdict, worst last. */
    private static String counted(List<BudgetVerdict> verdicts) {
        List<String> parts = new ArrayList<>();
        for (BudgetVerdict.Status s : List.of(BudgetVerdict.Status.PASS, BudgetVerdict.Status.NOT_MEASURED,
                BudgetVerdict.Status.WARN, BudgetVerdict.Status.FAIL)) {
            long n = verdicts.stream().filter(v -> v.status() == s).count();
            if (n > 0) {
                parts.add(n + " " + s.symbol());
            }
        }
        return String.join(" ", parts);
    }

    /**
     * The budgets that did not pass (failed, close to their limit, or not measured), worst first, as {workload,
     * case, "metric target", "symbol margin"}: what the terminal spells out below the table.
     */
    public static List<List<String>> budgetsNotHeld(RunReport report) {
        List<BudgetVerdict.Status> order = List.of(BudgetVerdict.Status.FAIL, BudgetVerdict.Status.WARN,
                BudgetVerdict.Status.NOT_MEASURED);
        return report.budgets().stream().filter(v -> v.status() != BudgetVerdict.Status.PASS)
                .sorted(java.util.Comparator.comparingInt(v -> order.indexOf(v.status())))
                .map(v -> List.of(v.workload(), v.caseLabel(), v.metric() + " " + BudgetFormat.target(v),
                        BudgetFormat.measured(v), v.status().symbol()
                                + (Double.isNaN(v.margin()) ? "" : " " + BudgetFormat.margin(v))))
                .toList();
    }

    /** ❌ if a budget failed, ⚠️ if one is close, ✅ otherwise (— when nothing judged it). */
    private static String status(WorkloadReport w, List<BudgetVerdict> verdicts) {
        if (verdicts.stream().anyMatch(v -> v.status() == BudgetVerdict.Status.FAIL)) {
            return BudgetVerdict.Status.FAIL.symbol();
        }
        if (verdicts.stream().anyMatch(v -> v.status() == BudgetVerdict.Status.WARN)) {
            return BudgetVerdict.Status.WARN.symbol();
        }
        return verdicts.stream().anyMatch(v -> v.status() == BudgetVerdict.Status.PASS)
                ? BudgetVerdict.Status.PASS.symbol() : "—";
    }

    /** A percentile, or "—" for a case whose single operations were not timed (JMH's avgt or thrpt). */
    public static String percentile(CaseReport c, long nanos) {
        return c.latency().hasPercentiles() ? duration(nanos) : "—";
    }

    /** "5,665 episodes/s", "1,204 queries/s". */
    public static String throughput(double perSecond, String unit) {
        String rate = BudgetFormat.measured(UnitKind.RATE, perSecond); // "5,665/s"
        return rate.replace("/s", " " + plural(unit) + "/s");
    }

    public static String plural(String noun) {
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun.endsWith("s") ? noun : noun + "s";
    }

    static String duration(double nanos) {
        return BudgetFormat.measured(UnitKind.DURATION, nanos);
    }

    /**
     * JIT compilation above this share of the measured wall time makes a case's figures suspect. Tiered compilation
     * goes on for a long time at a low level (5-20 % after seconds of warm-up is common here), which is no reason to
     * distrust a figure; a quarter of the time means the compiler threads competed for the cores being measured.
     */
    public static final double JIT_WARNING_SHARE = 0.25;

    /** Why a case's figures are to be read with care. */
    public enum NoteKind {
        /** The JIT compiled through a large share of the measurement. */
        JIT_DURING_MEASUREMENT("was measured while the JIT was still compiling",
                "were measured while the JIT was still compiling"),
        /** Iterations far from the median. */
        SEVERE_OUTLIERS("has severe outlying iterations", "have severe outlying iterations");

        private final String one;
        private final String many;

        NoteKind(String one, String many) {
            this.one = one;
            this.many = many;
        }

        /** "3 cases were measured while the JIT was still compiling". */
        public String counted(long cases) {
            return cases == 1 ? "1 case " + one : cases + " cases " + many;
        }
    }

    /** One case's note: its kind, the case, and the note in words. */
    public record Note(NoteKind kind, String workload, String caseLabel, String text) {
    }

    /**
     * Cases whose measurement the JIT was still compiling through, or whose iterations had severe outliers: figures
     * to read with care, said once in the terminal and in report.md.
     */
    public static List<String> measurementWarnings(RunReport report) {
        return measurementNotes(report).stream().map(Note::text).toList();
    }

    /** {@link #measurementWarnings} with their kinds, for a reader that groups them. */
    public static List<Note> measurementNotes(RunReport report) {
        List<Note> out = new ArrayList<>();
        for (WorkloadReport w : report.workloads()) {
            for (CaseReport c : w.cases()) {
                double measuredMillis = c.iterations().stream().mapToLong(CaseReport.Iteration::wallNanos).sum() / 1e6;
                // a case without warm-up (a fixed count of operations, measuring what they leave behind) is cold on purpose
                if (measuredMillis > 0 && c.warmupIterations() > 0
                        && c.jitMillisDuringMeasurement() > JIT_WARNING_SHARE * measuredMillis) {
                    out.add(new Note(NoteKind.JIT_DURING_MEASUREMENT, w.name(), c.label(), String.format(Locale.ROOT,
                            "%s %s: the JIT compiled for %d ms during the %.0f ms measured (%.0f %%): the code was still "
                                    + "changing while it was measured; a longer warm-up (or run) steadies it",
                            w.name(), c.label(), c.jitMillisDuringMeasurement(), measuredMillis,
                            100.0 * c.jitMillisDuringMeasurement() / measuredMillis)));
                }
                long farOff = farOffSevereOutliers(c);
                if (farOff > 0) {
                    out.add(new Note(NoteKind.SEVERE_OUTLIERS, w.name(), c.label(), String.format(Locale.ROOT,
                            "%s %s: %d of %d measured iterations are severe outliers, over 10 %% from the median",
                            w.name(), c.label(), farOff, c.iterations().size())));
                }
            }
        }
        return out;
    }

    /**
     * Severe Tukey outliers that also matter: with very steady iterations the fences are so tight that 2 % is
     * "severe", which is no reason to distrust a figure.
     */
    private static long farOffSevereOutliers(CaseReport c) {
        double[] means = c.iterations().stream().mapToDouble(CaseReport.Iteration::meanNanos).toArray();
        if (means.length == 0 || c.outliers() == null) {
            return 0;
        }
        double median = new Median().evaluate(means);
        return c.outliers().severe().stream()
                .filter(i -> Math.abs(c.iterations().get(i).meanNanos() - median) > OUTLIER_WARNING_DISTANCE * median)
                .count();
    }

    /** A severe outlier this far from the median iteration (as a fraction of it) is worth a note. */
    public static final double OUTLIER_WARNING_DISTANCE = 0.10;

    /** "retrieval-scaling: p50 ∝ size^0.67 (R² 0.98, 100 to 10,000)", or null. */
    public static String scaling(WorkloadReport w) {
        if (w.scaling() == null) {
            return null;
        }
        List<ScalingFit.Point> pts = w.scaling().points();
        return String.format(Locale.ROOT, "%s: %s grows as size^%.2f (R² %.2f, sizes %,d to %,d)",
                w.name(), w.scaling().metric(), w.scaling().exponent(), w.scaling().rSquared(),
                pts.get(0).size(), pts.get(pts.size() - 1).size());
    }
}
