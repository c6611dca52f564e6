package io.flightdeck.harness.compare;

import io.flightdeck.harness.env.NoiseAssessment;

/**
 * What a comparison counts as a change.
 *
 * @param noise  a relative change at or below this is never claimed, significant or not (2 %: what a quiet run
 *               of the same build moves by on these machines)
 * @param limit  worse by more than this, significantly, is a regression (the seed's 10 %)
 * @param alpha  the significance level of the Mann–Whitney U test and 1 − the confidence of the interval
 * @param busyCores a side whose other processes used more CPU cores than this on average ran on a busy machine
 *                  (default {@value NoiseAssessment#MEAN_OTHER_CPU_WARN_CORES}, the noise monitor's own warning);
 *                  null, as comparisons written before it read, is the default
 */
public record ChangeThresholds(double noise, double limit, double alpha, Double busyCores) {

    public static final ChangeThresholds DEFAULTS = new ChangeThresholds(0.02, 0.10, 0.05);

    public ChangeThresholds {
        busyCores = busyCores == null ? NoiseAssessment.MEAN_OTHER_CPU_WARN_CORES : busyCores;
        if (!(noise >= 0) || !(limit > 0) || !(alpha > 0 && alpha < 1) || !(busyCores > 0)) {
            throw new IllegalArgumentException("thresholds need noise ≥ 0, limit > 0, 0 < alpha < 1 and busy cores"
                    + " > 0, got " + noise + ", " + limit + ", " + alpha + ", " + busyCores);
        }
    }

    /** With the default busy-machine threshold. */
    public ChangeThresholds(double noise, double limit, double alpha) {
        this(noise, limit, alpha, null);
    }

    /** The same with another regression limit (a metric's own, from the budgets file). */
    public ChangeThresholds withLimit(double limit) {
        return new ChangeThresholds(noise, limit, alpha, busyCores);
    }

    /** The same with another busy-machine threshold (--busy-cores). */
    public ChangeThresholds withBusyCores(double cores) {
        return new ChangeThresholds(noise, limit, alpha, cores);
    }
}
