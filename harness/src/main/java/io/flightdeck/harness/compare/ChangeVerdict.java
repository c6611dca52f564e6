package io.flightdeck.harness.compare;

/** What a comparison of one metric concludes. */
public enum ChangeVerdict {

    /** Better by more than the noise threshold, and significantly so. */
    IMPROVED,
    /** No change that matters: none measurable, or one within the noise threshold or the regression limit. */
    NO_CHANGE,
    /** Significantly worse, and by more than the regression limit across the whole interval: fails the build. */
    REGRESSED,
    /**
     * The samples cannot say: too few of them, too noisy to rule out a regression over the limit, worse by more
     * than the limit but not surely so, or measured on a busy machine.
     */
    INCONCLUSIVE
}
