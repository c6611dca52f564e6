package io.flightdeck.harness.compare;

/**
 * What a comparison counts as a change.
 *
 * @param noise  a relative change at or below this is never claimed, significant or not (2 %: what a quiet run
 *               of the same build moves by on these machines)
 * @param limit  worse by more than this, significantly, is a regression (the seed's 10 %)
 * @param alpha  the significance level of the Mann–Whitney U test and 1 − the confidence of the interval
 */
public record ChangeThresholds(double noise, double limit, double alpha) {

    public static final ChangeThresholds DEFAULTS = new ChangeThresholds(0.02, 0.10, 0.05);

    public ChangeThresholds {
        if (!(noise >= 0) || !(limit > 0) || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("thresholds need noise ≥ 0, limit > 0 and 0 < alpha < 1, got "
                    + noise + ", " + limit + ", " + alpha);
        }
    }

    /** The same with another regression limit (a metric's own, from the budgets file). */
    public ChangeThresholds withLimit(double limit) {
        return new ChangeThresholds(noise, limit, alpha);
    }
}
