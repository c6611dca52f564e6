package io.flightdeck.harness.check;

/**
 * How one case of a workload fared against one budget.
 *
 * @param workload  the workload
 * @param caseLabel the case measured
 * @param metric    the metric judged
 * @param bound     {@link Bound#MAX} or {@link Bound#MIN}
 * @param limit     the budget's limit, in base units
 * @param measured  the measured value in base units; NaN when {@link Status#NOT_MEASURED}
 * @param unit      what limit and measured count
 * @param status    the verdict
 * @param margin    how far inside the limit the value is, as a fraction of the limit: positive inside, negative
 *                  outside (45 ms against max 50 ms is +0.10, 60 ms is −0.20; 90/s against min 100/s is −0.10);
 *                  NaN when not measured
 */
public record BudgetVerdict(String workload, String caseLabel, String metric, Bound bound, double limit,
                            double measured, UnitKind unit, Status status, double margin) {

    /** The verdict's outcome; only {@link #FAIL} fails a run. */
    public enum Status {
        /** Inside the limit by more than 10 % of it. */
        PASS("✅"),
        /** Inside the limit, but within 10 % of it: the next regression may cross it. */
        WARN("⚠️"),
        /** Beyond the limit. */
        FAIL("❌"),
        /**
         * The workload ran but this case did not report the metric: the budget could not judge it. Shown, so
         * the gap is visible, but not a failure: a metric may legitimately be absent from a quick run.
         */
        NOT_MEASURED("—");

        private final String symbol;

        Status(String symbol) {
            this.symbol = symbol;
        }

        /** "✅", "⚠️", "❌" or "—". */
        public String symbol() {
            return symbol;
        }
    }

    /** Whether this verdict fails the run. */
    public boolean failed() {
        return status == Status.FAIL;
    }
}
