package io.flightdeck.harness.compare;

/** Which way a metric gets better. */
public enum Direction {

    /** Latencies, allocation per operation, heap growth. */
    LOWER_IS_BETTER,
    /** Throughput. */
    HIGHER_IS_BETTER;

    /** A relative change turned so that positive is always worse: +0.2 means 20 % worse either way. */
    double worsening(double change) {
        return this == LOWER_IS_BETTER ? change : -change;
    }
}
