package io.flightdeck.harness.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One figure of one case across the history, as the seed's trend table shows it: each run's value and its change
 * against the previous run on the same environment. A run on another environment is marked and compared with
 * nothing: its figures say as much about the machine as about the code.
 */
public final class Trend {

    /** Worse than the previous run by more than this, and the row is flagged ⚠️. */
    public static final double WARN_FRACTION = 0.10;

    private Trend() {
    }

    /**
     * @param change         against the previous run on the same environment; null for the first of its environment
     * @param sameEnvironment whether it ran on the newest run's environment
     * @param warning        worse than that previous run by more than {@link #WARN_FRACTION}
     * @param higherIsBetter whether a rise of this figure is good news (throughput) rather than bad (latency)
     */
    public record Row(Instant time, String runId, String commit, String fingerprint, double value, String unit,
                      Double change, boolean sameEnvironment, boolean warning, boolean higherIsBetter) {
    }

    /** The rows of one workload, case and metric, oldest first. */
    public static List<Row> of(List<HistoryEntry> entries, String workload, String caseLabel, String metric) {
        String newest = null;
        List<HistoryEntry> with = new ArrayList<>();
        List<HistoryEntry.Point> points = new ArrayList<>();
        for (HistoryEntry e : entries) {
            for (HistoryEntry.Point p : e.points()) {
                if (p.workload().equals(workload) && p.caseLabel().equals(caseLabel) && p.metric().equals(metric)) {
                    with.add(e);
                    points.add(p);
                    newest = e.fingerprint();
                    break;
                }
            }
        }
        Map<String, Double> previousByEnvironment = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < with.size(); i++) {
            HistoryEntry e = with.get(i);
            HistoryEntry.Point p = points.get(i);
            String env = String.valueOf(e.fingerprint());
            Double previous = previousByEnvironment.put(env, p.value());
            Double change = previous == null || previous == 0 ? null : p.value() / previous - 1;
            boolean worse = change != null && (p.higherIsBetter() ? -change : change) > WARN_FRACTION;
            rows.add(new Row(e.time(), e.runId(), e.commit(), e.fingerprint(), p.value(), p.unit(), change,
                    Objects.equals(e.fingerprint(), newest), worse, p.higherIsBetter()));
        }
        return rows;
    }

    /** The cases the history has figures of {@code metric} for, for {@code workload}, in first-seen order. */
    public static List<String> cases(List<HistoryEntry> entries, String workload, String metric) {
        List<String> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            for (HistoryEntry.Point p : e.points()) {
                if (p.workload().equals(workload) && p.metric().equals(metric) && !out.contains(p.caseLabel())) {
                    out.add(p.caseLabel());
                }
            }
        }
        return out;
    }
}
