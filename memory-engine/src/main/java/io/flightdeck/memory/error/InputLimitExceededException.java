package io.flightdeck.memory.error;

/**
 * An input over one of the engine's limits. The message names the limit, the actual size and the maximum;
 * nothing of the rejected call was stored.
 */
public class InputLimitExceededException extends MemoryException {
    private final String limit;
    private final long actual;
    private final long maximum;

    public InputLimitExceededException(String limit, long actual, long maximum, String unit) {
        super(limit + " is " + actual + " " + unit + ", over the limit of " + maximum + " " + unit);
        this.limit = limit;
        this.actual = actual;
        this.maximum = maximum;
    }

    public String limit() {
        return limit;
    }

    public long actual() {
        return actual;
    }

    public long maximum() {
        return maximum;
    }
}
