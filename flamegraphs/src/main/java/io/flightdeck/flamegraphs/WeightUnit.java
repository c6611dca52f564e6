package io.flightdeck.flamegraphs;

/** What a profile's weights count; decides how a graph prints them. */
public enum WeightUnit {
    /** Samples (CPU profiles, event counts). */
    SAMPLES("samples"),
    /** Bytes (allocation profiles). */
    BYTES("bytes"),
    /** Nanoseconds (lock waits, I/O). */
    NANOSECONDS("ns");

    private final String symbol;

    WeightUnit(String symbol) {
        this.symbol = symbol;
    }

    /** The word a graph prints after a weight. */
    public String symbol() {
        return symbol;
    }
}
