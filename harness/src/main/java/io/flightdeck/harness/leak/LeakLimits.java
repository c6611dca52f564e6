package io.flightdeck.harness.leak;

import java.util.Set;

import io.flightdeck.harness.check.Budget;
import io.flightdeck.harness.check.Bound;
import io.flightdeck.harness.check.Budgets;

/**
 * How much live-heap growth a leak check tolerates before calling it a leak, when the growth is also significant.
 * Growth of either kind fails: per operation (a leak per request) or per second (a leak in time: a timer, a cache
 * that fills while nothing happens).
 *
 * @param bytesPerOperation the most growth per measured operation
 * @param bytesPerSecond    the most growth per second
 * @param source            where they came from, e.g. "defaults", "budgets file", "command line"
 */
public record LeakLimits(double bytesPerOperation, double bytesPerSecond, String source) {

    /** The budget metric that sets {@link #bytesPerOperation} for a workload: {@code "max": "16B"}. */
    public static final String PER_OPERATION_METRIC = "leak-bytes-per-op";
    /** The budget metric that sets {@link #bytesPerSecond}: {@code "max": "64KiB"}. */
    public static final String PER_SECOND_METRIC = "leak-bytes-per-s";
    /** Budget metrics that only a leak check judges, never a run's table. */
    public static final Set<String> METRICS = Set.of(PER_OPERATION_METRIC, PER_SECOND_METRIC);

    /**
     * 16 B per operation: one small object kept per operation, or a 300-byte record kept every twentieth. Ten clean
     * runs of leak-mixed measured −1.0 to +4.3 B/op (docs/PERFORMANCE.md), so this leaves room for the few bytes a
     * settling cache costs and still catches any leak that would matter in a long-running process (1 M requests a
     * day at 16 B is 16 MB a day).
     */
    public static final double DEFAULT_BYTES_PER_OPERATION = 16;
    /** 64 KiB per second: 5.3 GiB a day, which no long-running process can afford. */
    public static final double DEFAULT_BYTES_PER_SECOND = 64 * 1024;

    public static final LeakLimits DEFAULTS = new LeakLimits(DEFAULT_BYTES_PER_OPERATION, DEFAULT_BYTES_PER_SECOND,
            "defaults");

    /**
     * The limits for one workload: the defaults, replaced by the budgets file's {@code leak-bytes-per-op} and
     * {@code leak-bytes-per-s} maxima for that workload, replaced in turn by the command line's (null: not given).
     */
    public static LeakLimits resolve(Budgets budgets, String workload, Double perOperation, Double perSecond) {
        double op = DEFAULT_BYTES_PER_OPERATION;
        double s = DEFAULT_BYTES_PER_SECOND;
        String opFrom = DEFAULTS.source();
        String sFrom = DEFAULTS.source();
        for (Budget b : budgets.budgets()) {
            if (!b.workload().equals(workload) || b.bound() != Bound.MAX) {
                continue;
            }
            if (PER_OPERATION_METRIC.equals(b.metric())) {
                op = b.limit();
                opFrom = "budgets";
            } else if (PER_SECOND_METRIC.equals(b.metric())) {
                s = b.limit();
                sFrom = "budgets";
            }
        }
        if (perOperation != null) {
            op = perOperation;
            opFrom = "command line";
        }
        if (perSecond != null) {
            s = perSecond;
            sFrom = "command line";
        }
        return new LeakLimits(op, s, opFrom.equals(sFrom) ? opFrom : "per op: " + opFrom + ", per s: " + sFrom);
    }
}
