package io.flightdeck.memory;

/** Which completed episode goes when the store is over capacity. */
public enum EvictionPolicy {
    /** The one retrieved or read least recently. */
    LEAST_RECENTLY_USED,
    /** The one with the lowest {@code 0.7 * quality + 0.3 * e^(-ageHours / 24)}, quality being the normalised reward. */
    LOWEST_VALUE
}
