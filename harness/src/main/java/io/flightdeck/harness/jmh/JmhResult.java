package io.flightdeck.harness.jmh;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One entry of JMH's JSON results ({@code -rf json}): a benchmark method at one set of {@code @Param} values, with
 * its score and the raw figures of every measured iteration of every fork. Only what Flightdeck reads is bound;
 * JMH's other fields are ignored, so a newer JMH's additions do not break the reading.
 *
 * @param benchmark            the method's full name, {@code com.acme.SortBench.sortLarge}
 * @param mode                 thrpt, avgt, sample or ss
 * @param threads              worker threads per fork
 * @param forks                measured forks
 * @param params               the {@code @Param} values by name, null without parameters
 * @param measurementBatchSize operations per single-shot measurement (1 unless {@code -bs} was given)
 * @param measurementTime      an iteration's duration as JMH writes it, e.g. {@code "1 s"} or {@code "200 ms"}
 * @param vmName               the forks' JVM, e.g. {@code OpenJDK 64-Bit Server VM}
 * @param warmupIterations     warm-up iterations per fork
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JmhResult(String jmhVersion, String benchmark, String mode, int threads, int forks, String jvm,
                        List<String> jvmArgs, String jdkVersion, String vmName, int warmupIterations,
                        int measurementIterations, String measurementTime,
                        int measurementBatchSize, Map<String, String> params, Metric primaryMetric,
                        Map<String, Metric> secondaryMetrics) {

    public JmhResult {
        params = params == null ? Map.of() : Map.copyOf(params);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        secondaryMetrics = secondaryMetrics == null ? Map.of() : Map.copyOf(secondaryMetrics);
        measurementBatchSize = Math.max(1, measurementBatchSize);
    }

    /**
     * A primary or secondary metric.
     *
     * @param rawData          per fork, per measured iteration, the iteration's figure in {@link #scoreUnit}
     * @param rawDataHistogram sample mode only: per fork, per iteration, {@code [value, count]} pairs of the
     *                         sampled operations' times in {@link #scoreUnit}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metric(double score, double scoreError, String scoreUnit, List<List<Double>> rawData,
                         List<List<List<List<Double>>>> rawDataHistogram) {
    }
}
