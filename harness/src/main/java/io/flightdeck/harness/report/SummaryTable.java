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

    public static List<List<String>> rows(RunReport report) {
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
                String budgets = verdicts.stream()
                        .map(v -> v.metric() + " " + BudgetFormat.target(v) + " " + v.status().symbol()
                                + (Double.isNaN(v.margin()) ? "" : " " + BudgetFormat.margin(v)))
                        .collect(Collectors.joining("; "));
                rows.add(List.of(w.name(), c.label(), duration(c.latency().p50()), duration(c.latency().p95()),
                        duration(c.latency().p99()),
                        throughput(c.throughput(), c.operationUnit()),
                        budgets.isEmpty() ? "—" : budgets, status(w, verdicts)));
            }
            if (RunReport.FAILED.equals(w.status())) {
                rows.add(List.of(w.name(), "—", "—", "—", "—", "—", "failed: " + w.failure(), "❌"));
            }
        }
        return rows;
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

    /**
     * Cases whose measurement the JIT was still compiling through, or whose iterations had severe outliers: figures
     * to read with care, said once in the terminal and in report.md.
     */
    public static List<String> measurementWarnings(RunReport report) {
        List<String> out = new ArrayList<>();
        for (WorkloadReport w : report.workloads()) {
            for (CaseReport c : w.cases()) {
                double measuredMillis = c.iterations().stream().mapToLong(CaseReport.Iteration::wallNanos).sum() / 1e6;
                // a case without warm-up (a fixed count of operations, measuring what they leave behind) is cold on purpose
                if (measuredMillis > 0 && c.warmupIterations() > 0
                        && c.jitMillisDuringMeasurement() > JIT_WARNING_SHARE * measuredMillis) {
                    out.add(String.format(Locale.ROOT,
                            "%s %s: the JIT compiled for %d ms during the %.0f ms measured (%.0f %%): the code was still "
                                    + "changing while it was measured; a longer warm-up (or run) steadies it",
                            w.name(), c.label(), c.jitMillisDuringMeasurement(), measuredMillis,
                            100.0 * c.jitMillisDuringMeasurement() / measuredMillis));
                }
                long farOff = farOffSevereOutliers(c);
                if (farOff > 0) {
                    out.add(String.format(Locale.ROOT,
                            "%s %s: %d of %d measured iterations are severe outliers, over 10 %% from the median",
                            w.name(), c.label(), farOff, c.iterations().size()));
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
        if (means.length == 0) {
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
