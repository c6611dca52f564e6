package io.flightdeck.harness.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the page writes percentiles on the latency axis, and the paths it links to. */
class PageTextTest {
    @Test
    void percentilesAreLabelledWithTheDecimalsTheyNeed() {
        assertThat(LatencyDistribution.percentileLabel(1)).isEqualTo("0 %");
        assertThat(LatencyDistribution.percentileLabel(10)).isEqualTo("90 %");
        assertThat(LatencyDistribution.percentileLabel(100)).isEqualTo("99 %");
        assertThat(LatencyDistribution.percentileLabel(200)).isEqualTo("99.5 %");
        assertThat(LatencyDistribution.percentileLabel(1000)).isEqualTo("99.9 %");
        assertThat(LatencyDistribution.percentileLabel(10_000)).isEqualTo("99.99 %");
    }


    @Test
    void linksArePercentEncodedPaths() {
        assertThat(HtmlDocument.encodePath("my load/flamegraph-cpu.html")).isEqualTo("my%20load/flamegraph-cpu.html");
        assertThat(HtmlDocument.encodePath("a#b/c%d.html")).isEqualTo("a%23b/c%25d.html");
        assertThat(HtmlDocument.encodePath("x:y/z.html")).isEqualTo("./x:y/z.html");
    }
}
