/**
 * Performance budgets: a JSON file of limits per workload, case and metric ({@link io.flightdeck.harness.check.Budgets}),
 * checked against a run's measurements ({@link io.flightdeck.harness.check.BudgetEvaluator}) into verdicts
 * ✅ / ⚠️ / ❌ ({@link io.flightdeck.harness.check.BudgetVerdict}) that the terminal table and the Markdown report
 * print through {@link io.flightdeck.harness.check.BudgetFormat}.
 *
 * <p>All values are kept in base units: nanoseconds for durations, operations per second for rates, bytes for sizes.
 */
package io.flightdeck.harness.check;
