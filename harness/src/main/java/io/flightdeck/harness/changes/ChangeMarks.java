package io.flightdeck.harness.changes;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import io.flightdeck.harness.charts.SvgChart;
import io.flightdeck.harness.history.Trend;

/** Change points drawn on a trend chart: a dashed step where each shift begins, named in the legend. */
public final class ChangeMarks {

    private ChangeMarks() {
    }

    /**
     * The shifts of {@code rows} (oldest first; only those of {@code environment} are searched), each from the median
     * before to the median after at the time of the first run after it.
     */
    public static List<SvgChart.Line> of(List<Trend.Row> rows, String environment, DoubleFunction<String> label) {
        List<Trend.Row> series = rows.stream().filter(r -> environment.equals(String.valueOf(r.fingerprint())))
                .toList();
        return HistoryChanges.of(series, HistoryChanges.Settings.DEFAULTS).stream().map(c -> {
            double x = c.time().getEpochSecond();
            return new SvgChart.Line(String.format(Locale.ROOT, "shift from %s to %s (%+.1f %%) at run %s%s",
                    label.apply(c.before()), label.apply(c.after()), c.change() * 100, c.runId(),
                    c.commit() == null ? "" : ", commit " + c.commit().substring(0, Math.min(10, c.commit().length()))),
                    x, c.before(), x, c.after());
        }).toList();
    }
}
