package io.flightdeck.harness.history;

import java.time.Instant;
import java.util.List;

/**
 * One line of the history: a run's headline figures, with what is needed to tell whether two runs may be compared.
 *
 * @param source      {@code run} (a Flightdeck run) or {@code jmh} (an imported JMH result)
 * @param runId       the run's id, or the imported file's name
 * @param time        when it ran
 * @param commit      the git commit it was built from ("-dirty" with uncommitted changes), null outside git
 * @param suite       the suite, null for JMH
 * @param fingerprint the environment's fingerprint: runs with different ones ran on different machines or JVMs
 * @param machine     the machine in words (CPU, cores, JVM), for people
 * @param verdict     {@code passed}/{@code failed}, null for JMH
 * @param points      the figures
 */
public record HistoryEntry(int schemaVersion, String source, String runId, Instant time, String commit, String suite,
                           String fingerprint, String machine, String verdict, List<Point> points) {

    public static final int SCHEMA_VERSION = 1;
    public static final String RUN = "run";
    public static final String JMH = "jmh";

    public HistoryEntry {
        points = points == null ? List.of() : List.copyOf(points);
    }

    /**
     * @param workload  the workload (or JMH benchmark)
     * @param caseLabel the case (or the benchmark's parameters)
     * @param metric    p50, p95, p99, mean, throughput, or a workload's own metric (or JMH's mode)
     * @param value     in {@code unit}
     * @param unit      ns, op/s, B... as the metric counts
     * @param higherIsBetter whether a rise is an improvement (throughput)
     */
    public record Point(String workload, String caseLabel, String metric, double value, String unit,
                        boolean higherIsBetter) {
    }
}
