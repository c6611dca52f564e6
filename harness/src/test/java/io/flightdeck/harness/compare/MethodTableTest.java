package io.flightdeck.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.harness.graphs.ProfileKind;

/** The "by method" table beside a differential graph: its order, its merging of forks, and hostile names in it. */
class MethodTableTest {

    static final List<String> HOSTILE = List.of("<script>window.__pwned=1</script>", "\"double\" & 'single'",
            "</table><img src=x onerror=alert(1)>", "a\u2028b ]]> <!-- x -->");

    @TempDir
    Path dir;

    @Test
    void forksAreMergedOldNamesNormalisedAndTheLargestSignificantGainComesFirst() throws Exception {
        // baseline: two forks written before names were normalised, each JVM with its own lambda address
        write("base/w/cpu.folded", "main;app.Work$$Lambda$12+0x00007f591c007a08.360062456.run();app.slow() 400\n"
                + "main;app.fast() 600\n");
        write("base/w/cpu-fork-2.folded", "main;app.Work$$Lambda$12+0x00007f3380007a08.360062456.run();app.slow()"
                + " 400\nmain;app.fast() 600\n");
        write("now/w/cpu.folded", "main;app.Work$$Lambda.0x0000000082045210.run();app.slow() 1300\n"
                + "main;app.fast() 1200\n");

        RunComparison.Why why = RegressionEvidence.explain("w", dir.resolve("base"), dir.resolve("now"),
                dir.resolve("out"));

        JsonNode table = new ObjectMapper().readTree(dir.resolve("out/w").resolve(MethodTable.jsonName(ProfileKind.CPU))
                .toFile());
        assertThat(table.get("baselineWeight").asLong()).isEqualTo(2000);
        assertThat(table.get("baselineFiles").toString()).contains("cpu.folded", "cpu-fork-2.folded");
        JsonNode rows = table.get("methods");
        assertThat(rows.get(0).get("method").asText()).isEqualTo("app.slow()");
        assertThat(rows.get(0).get("change").asText()).isEqualTo("grew");
        assertThat(rows.get(0).get("baselineSelf").asDouble()).isEqualTo(0.4);
        assertThat(rows.get(0).get("currentSelf").asDouble()).isEqualTo(0.52);
        // the lambda frame is one method on both sides, not a "new" one and a "gone" one
        assertThat(rows.findValuesAsText("method")).contains("app.Work$$Lambda.run()")
                .noneMatch(m -> m.contains("0x"));
        assertThat(rows.findValuesAsText("change")).doesNotContain("new", "gone");
        assertThat(why.methodTables()).containsExactly("w/" + MethodTable.htmlName(ProfileKind.CPU));

        Document page = Jsoup.parse(dir.resolve("out/w").resolve(MethodTable.htmlName(ProfileKind.CPU)).toFile());
        assertThat(page.select("table.methods tbody tr").get(0).child(0).text()).isEqualTo("app.slow()");
        assertThat(page.select("a").eachAttr("href")).contains("flamegraph-cpu-diff.html",
                MethodTable.jsonName(ProfileKind.CPU));
    }

    @Test
    void hostileMethodNamesStayText() throws Exception {
        StringBuilder base = new StringBuilder();
        StringBuilder now = new StringBuilder();
        for (String name : HOSTILE) {
            base.append("main;").append(name).append(" 100\n");
            now.append("main;").append(name).append(" 100\n");
        }
        write("base/w/cpu.folded", base.toString());
        write("now/w/cpu.folded", now.toString());

        RegressionEvidence.explain("w", dir.resolve("base"), dir.resolve("now"), dir.resolve("out"));

        Path html = dir.resolve("out/w").resolve(MethodTable.htmlName(ProfileKind.CPU));
        Document page = Jsoup.parse(html.toFile());
        assertThat(page.select("script, img")).isEmpty();
        assertThat(page.select("table.methods")).hasSize(1);
        assertThat(page.select("table.methods tbody td:first-child").eachText())
                .contains(HOSTILE.get(0), HOSTILE.get(1), HOSTILE.get(2));
        String raw = Files.readString(html);
        assertThat(raw).doesNotContain("<script>window", "<img src=x");
        JsonNode table = new ObjectMapper().readTree(dir.resolve("out/w").resolve(MethodTable.jsonName(ProfileKind.CPU))
                .toFile());
        assertThat(table.get("methods").findValuesAsText("method")).containsAll(HOSTILE);
    }

    private void write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
