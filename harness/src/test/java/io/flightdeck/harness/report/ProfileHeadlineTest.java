package io.flightdeck.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

import io.flightdeck.child.files.Json;
import io.flightdeck.profiling.Analysis;

/**
 * Which JMC findings a run puts among what is worth a look: the analysis of a real recording (trimmed) whose rules
 * gave two scored WARNINGs, two WARNINGs without a score (JMC 9's "Full GC detected", "Inverted parallelism") and INFOs.
 */
class ProfileHeadlineTest {

    @Test
    void onlyWarningsScoredInJmcsWarningBandAreWorthALook() throws Exception {
        Analysis a;
        try (InputStream in = getClass().getResourceAsStream("analysis-with-rules.json")) {
            a = Json.mapper().readValue(in, Analysis.class);
        }
        assertThat(a.rules().findings()).extracting(f -> f.severity() + " " + f.id()).contains("WARNING FullGc",
                "WARNING GcInvertedParallelism", "INFO IncreasingLiveSet");

        ProfileHeadline headline = ProfileHeadline.of(a, "analysis.json", java.util.List.of());

        assertThat(headline.ruleWarnings()).hasSize(2);
        assertThat(headline.ruleWarnings().get(0)).startsWith("Thrown Exceptions (100): ");
        assertThat(headline.ruleWarnings().get(1)).contains("(81): ");
        assertThat(headline.ruleWarnings()).noneMatch(w -> w.contains("(0)"));
    }
}
