package io.flightdeck.harness.check;

import java.util.Set;

/**
 * What the budgets of one workload may name, so that a budget whose case or metric is misspelt is refused before a
 * run instead of judging nothing (a budget that finds nothing to judge is not measured, which does not fail a run).
 *
 * @param workload the workload's name
 * @param cases    its case labels at every scale (a budget may name a case another suite's scale has)
 * @param metrics  every figure a run can report for its cases: latencies, throughput, its own figures, a leak
 *                 check's
 */
public record BudgetTarget(String workload, Set<String> cases, Set<String> metrics) {

    public BudgetTarget {
        cases = Set.copyOf(cases);
        metrics = Set.copyOf(metrics);
    }
}
