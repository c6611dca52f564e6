package io.flightdeck.harness.changes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.harness.compare.SampleComparison;
import io.flightdeck.harness.history.Trend;

/**
 * The change points of one figure's history, per environment: a run-to-run threshold trips on noise and lets slow
 * drifts through, so the whole series is searched at once for persistent shifts ({@link EDivisive}), and each one
 * found is sized against the segments on either side of it.
 */
public final class HistoryChanges {

    /**
     * @param significance the Welch t-test's level for a split to count
     * @param minChange    smaller shifts (as a fraction, either way) are found but not reported
     * @param minRuns      fewest runs on either side of a change: {@link SampleComparison#MIN_SAMPLES}, so that
     *                     every change has an interval
     */
    public record Settings(double significance, double minChange, int minRuns) {

        /**
         * p &lt; 0.001, Apache Otava's default too: a history is searched again after every run, so a looser level
         * would report a change in noise every few dozen searches.
         */
        public static final Settings DEFAULTS = new Settings(0.001, 0.02, SampleComparison.MIN_SAMPLES);

        public Settings {
            if (!(significance > 0 && significance < 1)) {
                throw new IllegalArgumentException("significance must be between 0 and 1, got " + significance);
            }
            if (!(minChange >= 0) || !Double.isFinite(minChange)) {
                throw new IllegalArgumentException("the smallest change must be 0 or more, got " + minChange);
            }
        }

        public Settings withSignificance(double s) {
            return new Settings(s, minChange, minRuns);
        }

        public Settings withMinChange(double m) {
            return new Settings(significance, m, minRuns);
        }
    }

    private HistoryChanges() {
    }

    /** The rows of each environment, in the order the environments first appear; each list oldest first. */
    public static Map<String, List<Trend.Row>> byEnvironment(List<Trend.Row> rows) {
        Map<String, List<Trend.Row>> out = new LinkedHashMap<>();
        for (Trend.Row r : rows) {
            out.computeIfAbsent(String.valueOf(r.fingerprint()), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** The change points of one environment's rows (oldest first), at least {@code minChange} large. */
    public static List<ChangePoint> of(List<Trend.Row> rows, Settings settings) {
        double[] values = rows.stream().mapToDouble(Trend.Row::value).toArray();
        if (values.length < 2 * settings.minRuns()) {
            return List.of();
        }
        List<EDivisive.Split> splits = new EDivisive(settings.minRuns(), settings.significance())
                .changePoints(values);
        List<ChangePoint> out = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            int from = i == 0 ? 0 : splits.get(i - 1).index();
            int at = splits.get(i).index();
            int to = i + 1 < splits.size() ? splits.get(i + 1).index() : values.length;
            double[] before = Arrays.copyOfRange(values, from, at);
            double[] after = Arrays.copyOfRange(values, at, to);
            double beforeMedian = SampleComparison.median(before);
            double[] shift = SampleComparison.shift(before, after, beforeMedian, 0.05);
            if (!Double.isFinite(shift[0]) || Math.abs(shift[0]) < settings.minChange()) {
                continue;
            }
            Trend.Row first = rows.get(at);
            boolean worse = first.higherIsBetter() ? shift[0] < 0 : shift[0] > 0;
            out.add(new ChangePoint(first.time(), first.runId(), first.commit(), before.length, after.length,
                    beforeMedian, SampleComparison.median(after), shift[0], shift[1], shift[2],
                    splits.get(i).pValue(), worse));
        }
        return List.copyOf(out);
    }
}
