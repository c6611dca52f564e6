package io.flightdeck.harness.compare;

/** What a comparison of one metric concludes. */
public enum ChangeVerdict {

    /** Better by more than the noise threshold, and significantly so. */
    IMPROVED,
    /** No change that matters: none measurable, or one within the noise threshold or the regression limit. */
    NO_CHANGE,
    /** Worse by more than the regression limit, and significantly so: fails the build. */
    REGRESSED,
    /** The samples cannot say: too few of them, or too noisy to rule out a regression over the limit. */
    INCONCLUSIVE
}
