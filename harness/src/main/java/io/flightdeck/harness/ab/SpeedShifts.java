package io.flightdeck.harness.ab;

import java.util.Arrays;
import java.util.Optional;

import io.flightdeck.harness.compare.SampleComparison;

/**
 * The change within each speed, when JVMs settle at two ({@link SpeedModes}). A change can move JVMs from one speed
 * to the other (seen: a planted +20 % kept every head JVM on the slow speed, so the paired rounds read +80 %), and can
 * slow each speed by itself; the two are told apart here. The boundary is the geometric middle of the two speeds (the
 * base's, else the head's); each side's forks are split by it, and each speed with at least {@value #MIN_FORKS} forks
 * of both sides gets the Hodges–Lehmann change of head against base with its 95 % interval.
 *
 * <p>Descriptive, beside the verdict: the forks of one speed are compared unpaired and once, at the end, so these
 * intervals are not held to the comparison's false-alarm level. The verdict rests on the paired rounds.
 *
 * @param boundary the fork mean that divides the speeds (lower is the fast one)
 * @param fast     the change within the fast speed
 * @param slow     the change within the slow speed
 */
public record SpeedShifts(double boundary, Shift fast, Shift slow) {

    /** Fewer forks of a side at one speed say nothing about it. */
    public static final int MIN_FORKS = 3;
    private static final double LEVEL = 0.05;

    /**
     * One speed's forks of each side and, with enough of both, the head's change against the base.
     *
     * @param change the Hodges–Lehmann change, null with fewer than {@value #MIN_FORKS} forks of a side
     * @param lower  its 95 % interval's lower end, or null
     * @param upper  its upper end, or null
     */
    public record Shift(int baseForks, int headForks, Double change, Double lower, Double upper) {

        public boolean measured() {
            return change != null;
        }
    }

    /**
     * The changes within the speeds, or empty when neither side shows two speeds.
     *
     * @param baseMeans each base fork's mean (NaN where it had none)
     * @param headMeans each head fork's
     */
    public static Optional<SpeedShifts> of(SpeedModes base, SpeedModes head, double[] baseMeans, double[] headMeans) {
        SpeedModes modes = base != null ? base : head;
        if (modes == null) {
            return Optional.empty();
        }
        double boundary = Math.sqrt(modes.fast() * modes.slow());
        double[] b = usable(baseMeans);
        double[] h = usable(headMeans);
        return Optional.of(new SpeedShifts(boundary, shift(below(b, boundary), below(h, boundary)),
                shift(above(b, boundary), above(h, boundary))));
    }

    private static Shift shift(double[] base, double[] head) {
        if (base.length < MIN_FORKS || head.length < MIN_FORKS) {
            return new Shift(base.length, head.length, null, null, null);
        }
        double[] s = SampleComparison.shift(base, head, SampleComparison.median(base), LEVEL);
        return new Shift(base.length, head.length, s[0], s[1], s[2]);
    }

    private static double[] usable(double[] values) {
        return Arrays.stream(values).filter(v -> Double.isFinite(v) && v > 0).toArray();
    }

    private static double[] below(double[] values, double boundary) {
        return Arrays.stream(values).filter(v -> v < boundary).toArray();
    }

    private static double[] above(double[] values, double boundary) {
        return Arrays.stream(values).filter(v -> v >= boundary).toArray();
    }
}
