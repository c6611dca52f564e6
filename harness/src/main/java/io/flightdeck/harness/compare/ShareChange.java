package io.flightdeck.harness.compare;

/**
 * How one frame's share of a profile moved: a method's share of the CPU samples in which it was running (self), or
 * an allocation site's share of the bytes allocated.
 *
 * @param frame         the method, as the flame graphs name it
 * @param baselineShare its share in the baseline, 0 to 1
 * @param currentShare  its share now
 */
public record ShareChange(String frame, double baselineShare, double currentShare) {

    /** Percentage points gained (positive) or lost. */
    public double delta() {
        return currentShare - baselineShare;
    }
}
