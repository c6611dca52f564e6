package io.flightdeck.harness.env;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;

/**
 * Whether the machine was quiet while something was measured; see {@link NoiseAssessment} for the thresholds.
 * {@code quiet} is written to JSON for readers of a report, and ignored when read back (it is derived).
 *
 * @param durationMillis       wall time the monitor ran (milliseconds: no Jackson time module needed)
 * @param meanOtherCpuCores    mean CPU used by processes other than the measured ones, in cores
 * @param maxOtherCpuCores     highest single-sample value of the same
 * @param swapUsedStartBytes   swap in use when monitoring started, null if unknown
 * @param swapUsedMaxBytes     most swap in use at any sample (or at start), null if unknown
 * @param loadAverageMaxOneMin highest 1-minute load average seen, null where the OS has none
 * @param governor             CPU frequency governor, null where there is none
 * @param warnings             one plain sentence per problem; empty means quiet
 */
@JsonIgnoreProperties(value = "quiet", allowGetters = true)
public record NoiseReport(int sampleCount, long durationMillis, double meanOtherCpuCores, double maxOtherCpuCores,
                          Long swapUsedStartBytes, Long swapUsedMaxBytes, Double loadAverageMaxOneMin,
                          String governor, int logicalCores, List<String> warnings) {

    public NoiseReport {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    @JsonProperty("quiet")
    public boolean quiet() {
        return warnings.isEmpty();
    }

    @JsonIgnore
    public Duration duration() {
        return Duration.ofMillis(durationMillis);
    }
}
