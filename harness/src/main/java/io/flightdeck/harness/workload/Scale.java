package io.flightdeck.harness.workload;

/** How big a suite asks workloads to be; a workload maps it to its own sizes. */
public enum Scale {
    /** the quick suite: every workload at sizes that keep the whole run within about three minutes on 2 cores */
    SMALL,
    /** the standard suite: the sizes the seed's targets speak of (retrieval up to 100,000 episodes) */
    MEDIUM,
    /** the nightly suite: longer and larger, for trends and leaks */
    LARGE
}
