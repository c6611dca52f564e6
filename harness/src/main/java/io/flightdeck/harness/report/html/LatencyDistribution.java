package io.flightdeck.harness.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import io.flightdeck.child.measure.HistogramCodec;

/**
 * A case's latency percentile distribution as HdrHistogram plots it: x is {@code 1/(1 − percentile)} on a log axis,
 * so 90 %, 99 % and 99.9 % sit a decade apart and the tail gets the room it deserves; y is the latency.
 */
final class LatencyDistribution {

    /** HdrHistogram's reporting resolution: steps per halving of the distance to 100 %. */
    static final int TICKS_PER_HALF_DISTANCE = 5;

    private LatencyDistribution() {
    }

    /** x, y points of an encoded histogram (nanoseconds); empty when it holds no value or cannot be read. */
    static List<double[]> points(String encodedHistogram) {
        List<double[]> points = new ArrayList<>();
        if (encodedHistogram == null) {
            return points;
        }
        Histogram h;
        try {
            h = HistogramCodec.decode(encodedHistogram);
        } catch (RuntimeException e) {
            return points; // a report written by hand or damaged: the tables still have the percentiles
        }
        if (h.getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double percentile = v.getPercentileLevelIteratedTo();
            if (percentile >= 100.0) {
                break; // 1/(1 − 1) has no place on the axis; the max is in the table
            }
            points.add(new double[]{1 / (1 - percentile / 100), h.highestEquivalentValue(v.getValueIteratedTo())});
        }
        return points;
    }

    /** "90 %", "99.9 %" for an x of 10 or 1000. */
    static String percentileLabel(double x) {
        double p = 100 * (1 - 1 / x);
        // x = 100 is 99 %, 1,000 is 99.9 %: one more decimal for every decade past 100
        int decimals = (int) Math.max(0, Math.min(6, Math.ceil(Math.log10(x) - 2 - 1e-9)));
        return String.format(Locale.ROOT, "%." + decimals + "f %%", p);
    }
}
