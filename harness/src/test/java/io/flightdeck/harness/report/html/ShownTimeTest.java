package io.flightdeck.harness.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.flightdeck.child.files.Json;
import io.flightdeck.profiling.Analysis;

/** Pages show instants to the second, in UTC; the JSON beside them keeps every digit. */
class ShownTimeTest {

    /** An ISO instant with a fraction of a second, as Instant.toString writes it. */
    static final String FRACTION = "\\d{2}:\\d{2}:\\d{2}\\.\\d";

    @Test
    void anInstantIsShownToTheSecondInUtc() {
        assertThat(ShownTime.of(Instant.parse("2026-12-05T04:38:12.999999999Z"))).isEqualTo("2026-12-05 04:38:12 UTC");
        assertThat(ShownTime.of(Instant.parse("2026-12-05T04:38:12Z"))).isEqualTo("2026-12-05 04:38:12 UTC");
        assertThat(ShownTime.of(null)).isEqualTo("—");
    }

    @Test
    void theAnalysisPageShowsNoFractionsOfASecond() throws Exception {
        Analysis a;
        try (InputStream in = ShownTimeTest.class.getResourceAsStream("/io/flightdeck/harness/report/analysis-with-rules.json")) {
            a = Json.mapper().readValue(in, Analysis.class);
        }
        assertThat(a.recording().start().getNano()).isPositive();

        var page = Jsoup.parse(AnalysisPage.render(a, List.of()).html());
        // ours only: JMC's rule messages carry times in JMC's own format
        String text = page.select(".subtitle, #recording table").text();

        assertThat(text).contains(ShownTime.of(a.recording().start()) + " to " + ShownTime.of(a.recording().end()));
        assertThat(text).doesNotContainPattern(FRACTION).doesNotContain(a.recording().start().toString());
    }
}
