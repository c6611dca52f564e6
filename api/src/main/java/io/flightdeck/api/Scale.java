package io.flightdeck.api;

/** How big a suite asks workloads to be; a workload maps it to its own sizes. */
public enum Scale {
    /** the quick suite: every workload at sizes that keep a run under two minutes on 2 cores (three with a fresh build) */
    SMALL,
    /** the standard suite: the sizes the seed's targets speak of (retrieval up to 100,000 episodes) */
    MEDIUM,
    /** the nightly suite: longer and larger, for trends and leaks */
    LARGE
}
