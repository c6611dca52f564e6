package io.flightdeck.harness.jmh;

/** JMH's benchmark modes, by the short names its JSON uses. */
public enum JmhMode {
    /** operations per time unit, all threads together */
    THROUGHPUT("thrpt"),
    /** mean time per operation */
    AVERAGE_TIME("avgt"),
    /** a sample of single operations' times, as a histogram */
    SAMPLE("sample"),
    /** the time of one call (a batch of {@code -bs} operations) in a cold JVM, per iteration */
    SINGLE_SHOT("ss");

    private final String shortName;

    JmhMode(String shortName) {
        this.shortName = shortName;
    }

    public String shortName() {
        return shortName;
    }

    public static JmhMode of(String shortName) {
        for (JmhMode m : values()) {
            if (m.shortName.equals(shortName)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown JMH mode: " + shortName + " (thrpt, avgt, sample or ss)");
    }
}
