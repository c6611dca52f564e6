package io.flightdeck.harness.check;

/** Which side of the limit a budget keeps a metric on. */
public enum Bound {

    /** The metric must stay at or below the limit (latencies, memory). */
    MAX("≤"),
    /** The metric must stay at or above the limit (throughput). */
    MIN("≥");

    private final String symbol;

    Bound(String symbol) {
        this.symbol = symbol;
    }

    /** "≤" or "≥", for a target column such as "≤ 50 ms". */
    public String symbol() {
        return symbol;
    }
}
