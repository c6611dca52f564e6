package io.flightdeck.api;

/** Where a session reports figures of its own; each becomes a metric of its case that budgets can name. */
@FunctionalInterface
public interface MetricSink {

    /**
     * @param name a kebab-case metric name, e.g. {@code heap-growth-bytes-per-episode}
     * @param unit the unit of {@code value}: "B", "ns", "1/s", "" for a plain number
     */
    void metric(String name, double value, String unit);
}
