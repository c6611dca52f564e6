package io.flightdeck.harness.measure;

import java.util.List;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * How cost grows with size: the least-squares line through (log size, log latency), whose slope is the exponent
 * k in cost ∝ size^k (0: flat, 1: linear). Fitted on medians, which a few slow operations do not move.
 *
 * @param metric   which latency figure was fitted (p50)
 * @param exponent the fitted slope
 * @param rSquared how well a power law describes the points (1 = perfectly)
 * @param points   the (size, latency ns) pairs fitted
 */
public record ScalingFit(String metric, double exponent, double rSquared, List<Point> points) {

    public record Point(long size, double value) {
    }

    /** null unless points of at least two different positive sizes have a positive value. */
    public static ScalingFit of(String metric, List<Point> points) {
        SimpleRegression regression = new SimpleRegression();
        List<Point> used = points.stream().filter(p -> p.size() > 0 && p.value() > 0).toList();
        for (Point p : used) {
            regression.addData(Math.log(p.size()), Math.log(p.value()));
        }
        if (used.stream().map(Point::size).distinct().count() < 2) {
            return null; // one size, however many points, has no slope
        }
        double r2 = used.size() == 2 ? 1.0 : regression.getRSquare();
        return new ScalingFit(metric, regression.getSlope(), r2, used);
    }
}
