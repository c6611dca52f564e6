package io.flightdeck.child.measure;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Outlying iterations by Tukey's fences: below Q1 − 1.5·IQR or above Q3 + 1.5·IQR (mild), beyond 3·IQR (severe),
 * as Criterion classifies them. They are counted and named, never dropped: a slow iteration on a shared machine is
 * a fact about the run.
 *
 * <p>The quartiles and fences are null when there were too few iterations to judge.
 *
 * @param lowerFence below this an iteration mean is a low outlier
 * @param upperFence above this an iteration mean is a high outlier
 * @param low        indexes (0-based) of low outliers
 * @param high       indexes of high mild or severe outliers
 * @param severe     indexes beyond the 3·IQR fences, either side
 */
public record TukeyOutliers(Double q1, Double q3, Double lowerFence, Double upperFence, List<Integer> low,
                            List<Integer> high, List<Integer> severe) {

    /** Fewer values than this give quartiles that mean nothing; no iteration is then called an outlier. */
    public static final int MIN_VALUES = 4;

    public static TukeyOutliers of(double[] values) {
        if (values.length < MIN_VALUES) {
            return new TukeyOutliers(null, null, null, null, List.of(), List.of(), List.of());
        }
        // R-7 estimation, the one spreadsheets and numpy use, so the fences can be checked by hand
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values);
        double q1 = percentile.evaluate(25);
        double q3 = percentile.evaluate(75);
        double iqr = q3 - q1;
        double lower = q1 - 1.5 * iqr;
        double upper = q3 + 1.5 * iqr;
        List<Integer> low = new ArrayList<>();
        List<Integer> high = new ArrayList<>();
        List<Integer> severe = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < lower) {
                low.add(i);
            } else if (values[i] > upper) {
                high.add(i);
            }
            if (values[i] < q1 - 3 * iqr || values[i] > q3 + 3 * iqr) {
                severe.add(i);
            }
        }
        return new TukeyOutliers(q1, q3, lower, upper, List.copyOf(low), List.copyOf(high), List.copyOf(severe));
    }

    public int count() {
        return low.size() + high.size();
    }
}
