package io.flightdeck.harness.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Judges a run's measurements against budgets. */
public final class BudgetEvaluator {

    /** The part of the limit that counts as "close": within it, a value inside the limit only warns. */
    public static final double WARN_FRACTION = 0.10;

    private BudgetEvaluator() {
    }

    /**
     * One verdict per budget and matching measurement, in budget-file order, then in the order the cases first
     * appear in {@code measurements}. A budget of a workload the run did not measure at all yields nothing (a run
     * may select workloads); a budget whose case ran without its metric, or whose named case did not run while
     * its workload did, yields {@link BudgetVerdict.Status#NOT_MEASURED}.
     */
    public static List<BudgetVerdict> evaluate(Budgets budgets, List<Measurement> measurements) {
        // workload → case → its measurements, each level in first-seen order
        Map<String, Map<String, List<Measurement>>> byWorkload = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byWorkload.computeIfAbsent(m.workload(), w -> new LinkedHashMap<>())
                    .computeIfAbsent(m.caseLabel(), c -> new ArrayList<>())
                    .add(m);
        }
        List<BudgetVerdict> verdicts = new ArrayList<>();
        for (Budget budget : budgets.budgets()) {
            Map<String, List<Measurement>> cases = byWorkload.get(budget.workload());
            if (cases == null) {
                continue;
            }
            if (budget.caseLabel() != null && !cases.containsKey(budget.caseLabel())) {
                verdicts.add(notMeasured(budget, budget.caseLabel()));
                continue;
            }
            for (Map.Entry<String, List<Measurement>> measuredCase : cases.entrySet()) {
                if (!budget.appliesToCase(measuredCase.getKey())) {
                    continue;
                }
                boolean found = false;
                for (Measurement m : measuredCase.getValue()) {
                    if (m.metric().equals(budget.metric())) {
                        verdicts.add(judge(budget, m));
                        found = true;
                    }
                }
                if (!found) {
                    verdicts.add(notMeasured(budget, measuredCase.getKey()));
                }
            }
        }
        return List.copyOf(verdicts);
    }

    /** Whether any verdict is a {@link BudgetVerdict.Status#FAIL}; not-measured budgets do not fail a run. */
    public static boolean anyFailed(List<BudgetVerdict> verdicts) {
        return verdicts.stream().anyMatch(BudgetVerdict::failed);
    }

    private static BudgetVerdict judge(Budget budget, Measurement m) {
        double measured = m.value();
        if (Double.isNaN(measured)) {
            return notMeasured(budget, m.caseLabel());
        }
        return new BudgetVerdict(budget.workload(), m.caseLabel(), budget.metric(), budget.bound(), budget.limit(),
                measured, budget.unit(), status(budget.bound(), budget.limit(), measured),
                margin(budget.bound(), budget.limit(), measured));
    }

    /**
     * PASS beyond 10 % inside the limit, WARN inside it but closer, FAIL outside; exactly at the limit is inside.
     * Compared as {@code measured × 10} against {@code limit × 9} (or × 11) rather than {@code 0.9 × limit}, so
     * that round figures such as 45 ms against 50 ms land exactly on the boundary instead of a rounding error away.
     */
    static BudgetVerdict.Status status(Bound bound, double limit, double measured) {
        if (bound == Bound.MAX) {
            if (measured * 10 <= limit * 9) {
                return BudgetVerdict.Status.PASS;
            }
            return measured <= limit ? BudgetVerdict.Status.WARN : BudgetVerdict.Status.FAIL;
        }
        if (measured * 10 >= limit * 11) {
            return BudgetVerdict.Status.PASS;
        }
        return measured >= limit ? BudgetVerdict.Status.WARN : BudgetVerdict.Status.FAIL;
    }

    /** Signed fraction of the limit by which the value is inside it; ±∞ against a zero limit it misses. */
    static double margin(Bound bound, double limit, double measured) {
        double inside = bound == Bound.MAX ? limit - measured : measured - limit;
        if (limit == 0) {
            return inside == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, inside);
        }
        return inside / limit;
    }

    private static BudgetVerdict notMeasured(Budget budget, String caseLabel) {
        return new BudgetVerdict(budget.workload(), caseLabel, budget.metric(), budget.bound(), budget.limit(),
                Double.NaN, budget.unit(), BudgetVerdict.Status.NOT_MEASURED, Double.NaN);
    }
}
