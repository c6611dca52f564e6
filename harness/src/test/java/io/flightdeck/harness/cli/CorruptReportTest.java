package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.flightdeck.child.files.Json;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

/**
 * A report.json or a JMH file that was edited, cut short or corrupted stops at the door: exit code 2 and one line
 * naming the file and the field, never a NullPointerException (exit 3) or a comparison of impossible figures.
 */
class CorruptReportTest {

    @TempDir
    Path dir;

    static RunReport report() {
        List<CaseReport.Iteration> its = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            its.add(new CaseReport.Iteration(1 + i / 3, i % 3, 1_000, 1_000_000_000L, 1_000_000_000L, 2_000 + 10 * i,
                    500_000, 1_900, 2_500, 4_000, 64_000));
        }
        CaseReport c = new CaseReport("size=100", 1, 100, "query",
                new LatencyStats(6_000, 2_020, 50, 1_000, 1_900, 2_400, 2_600, 4_000, 6_000, 9_000), "", 495_000.0,
                its, null, null, 2, 0, List.of(), List.of(), null);
        return new RunReport(RunReport.SCHEMA_VERSION, "flightdeck", "run-1", Instant.EPOCH, Instant.EPOCH, 1, null,
                null, null, List.of(new WorkloadReport("retrieval", "", "query", RunReport.PASSED, null, List.of(),
                List.of(c), null, null)), List.of(), List.of(), RunReport.PASSED, 0);
    }

    /** A run folder holding the report, changed by {@code edit} on its way to disk. */
    Path folder(String name, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode json = Json.mapper().valueToTree(report());
        edit.accept(json);
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("report.json"), Json.mapper().writeValueAsString(json));
        return folder;
    }

    static ObjectNode firstCase(ObjectNode r) {
        return (ObjectNode) r.path("workloads").get(0).path("cases").get(0);
    }

    static ObjectNode iteration(ObjectNode r, int i) {
        return (ObjectNode) firstCase(r).path("iterations").get(i);
    }

    /** Both commands that read a report back refuse it the same way. */
    void bothRefuse(Path bad, String field) throws Exception {
        Path good = folder("good", r -> { });
        CommandLineRunner compare = CommandLineRunner.run("compare", good.toString(), bad.toString(), "-o",
                dir.resolve("cmp").toString());
        compare.assertUsage(bad.resolve("report.json") + ": " + field);
        CommandLineRunner export = CommandLineRunner.run("export", bad.toString(), "--format", "jmh");
        export.assertUsage(bad.resolve("report.json") + ": " + field);
        assertThat(export.out()).isEmpty();
    }

    @Test
    void aReportThatReadsBackWholeIsCompared() throws Exception {
        CommandLineRunner r = CommandLineRunner.run("compare", folder("a", x -> { }).toString(),
                folder("b", x -> { }).toString(), "-o", dir.resolve("cmp").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void nullCasesIterationsOrNameAreNamed() throws Exception {
        bothRefuse(folder("no-cases", r -> ((ObjectNode) r.path("workloads").get(0)).putNull("cases")),
                "workloads[0].cases is missing");
        bothRefuse(folder("no-iterations", r -> firstCase(r).putNull("iterations")),
                "workloads[0].cases[0].iterations is missing");
        bothRefuse(folder("no-name", r -> ((ObjectNode) r.path("workloads").get(0)).putNull("name")),
                "workloads[0].name is missing");
        bothRefuse(folder("null-iteration", r -> ((ArrayNode) firstCase(r).path("iterations")).insertNull(2)),
                "workloads[0].cases[0].iterations[2] is missing");
        bothRefuse(folder("null-primitive", r -> iteration(r, 1).putNull("operations")),
                "workloads[0].cases[0].iterations[1].operations");
        bothRefuse(folder("no-workloads", r -> r.remove("workloads")), "workloads is missing");
    }

    /** A workload's name becomes a folder name (its flame graphs, its stacks): one that leaves the folder is refused. */
    @ParameterizedTest
    @ValueSource(strings = {"../../escaped", "..", "a/b", "/tmp/x", "UPPER"})
    void aWorkloadNameThatIsNoWorkloadNameIsRefused(String name) throws Exception {
        bothRefuse(folder("bad-name", r -> ((ObjectNode) r.path("workloads").get(0)).put("name", name)),
                "workloads[0].name is not a workload name");
        assertThat(dir.resolve("escaped")).doesNotExist();
        assertThat(dir.getParent().resolve("escaped")).doesNotExist();
    }

    @Test
    void impossibleFiguresAreRefused() throws Exception {
        bothRefuse(folder("negative", r -> iteration(r, 0).put("meanNanos", -1.0)),
                "workloads[0].cases[0].iterations[0].meanNanos is negative (-1)");
        bothRefuse(folder("huge", r -> iteration(r, 3).put("meanNanos", 1e308)),
                "workloads[0].cases[0].iterations[3].meanNanos is too large (1.0E308)");
        bothRefuse(folder("infinite", r -> firstCase(r).put("throughput", "Infinity")),
                "workloads[0].cases[0].throughput is not a finite number (Infinity)");
        bothRefuse(folder("negative-count", r -> iteration(r, 2).put("p99Nanos", -4)),
                "workloads[0].cases[0].iterations[2].p99Nanos is negative (-4)");
        bothRefuse(folder("huge-long", r -> iteration(r, 2).put("p99Nanos", 1e308)),
                "workloads[0].cases[0].iterations[2].p99Nanos");
        bothRefuse(folder("negative-latency", r -> ((ObjectNode) firstCase(r).path("latency")).put("p95", -1)),
                "workloads[0].cases[0].latency.p95 is negative (-1)");
    }

    @Test
    void emptyAndRepeatedNamesAreRefused() throws Exception {
        bothRefuse(folder("empty-name", r -> ((ObjectNode) r.path("workloads").get(0)).put("name", " ")),
                "workloads[0].name is empty");
        bothRefuse(folder("empty-label", r -> firstCase(r).put("label", "")),
                "workloads[0].cases[0].label is empty");
        bothRefuse(folder("same-case", r -> ((ArrayNode) r.path("workloads").get(0).path("cases"))
                .add(firstCase(r).deepCopy())), "workloads[0].cases[1].label 'size=100' repeats workloads[0].cases[0].label");
        bothRefuse(folder("same-workload", r -> ((ArrayNode) r.path("workloads")).add(r.path("workloads").get(0)
                .deepCopy())), "workloads[1].name 'retrieval' repeats workloads[0].name");
        bothRefuse(folder("bad-verdict", r -> r.put("verdict", "maybe")), "verdict is 'maybe', not one of");
        bothRefuse(folder("outlier-beyond", r -> firstCase(r).set("outliers", Json.mapper().valueToTree(
                new io.flightdeck.child.measure.TukeyOutliers(1.0, 2.0, 0.0, 3.0, List.of(), List.of(9),
                        List.of(9))))), "workloads[0].cases[0].outliers.high[0] is 9, not the index of one of the 6");
    }

    @Test
    void twoDocumentsInOneFileAreNotOne() throws Exception {
        Path folder = folder("twice", r -> { });
        Path file = folder.resolve("report.json");
        Files.writeString(file, Files.readString(file) + "\n" + Files.readString(file));
        bothRefuse(folder, "not a readable report.json (line");
        assertThat(CommandLineRunner.run("export", folder.toString(), "--format", "jmh").err())
                .contains("Trailing token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "{\"schemaVersion\": 1, \"workloads\": {}}", "{\"schemaVersion\":"})
    void whatIsNoReportIsSaidInOneLine(String content) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("x"));
        Files.writeString(folder.resolve("report.json"), content);
        CommandLineRunner r = CommandLineRunner.run("export", folder.toString(), "--format", "jmh");
        r.assertUsage(folder.resolve("report.json") + ": ");
    }

    @Test
    void aHostileFieldInTheMessageIsShownNotObeyed() throws Exception {
        Path bad = folder("hostile", r -> r.put("verdict", "\u001b]0;pwned\u0007\u001b[2J"));
        CommandLineRunner r = CommandLineRunner.run("export", bad.toString(), "--format", "jmh");
        r.assertUsage("verdict is '\\e]0;pwned\\x07\\e[2J'");
        assertThat(r.err()).doesNotContain("\u001b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "1e400", "\"5\"", "null"})
    void jmhScoresThatNoBenchmarkGivesAreRefused(String score) throws Exception {
        Path jmh = Files.writeString(dir.resolve("jmh.json"), "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", "
                + "\"primaryMetric\": {\"score\": " + score + ", \"scoreUnit\": \"us/op\"}}]");
        CommandLineRunner r = CommandLineRunner.run("history", "--import-jmh", jmh.toString(), "--home",
                dir.resolve("home").toString());
        r.assertUsage(jmh + ": [0].primaryMetric.score");
        assertThat(Files.exists(dir.resolve("home").resolve("history.jsonl"))).isFalse();
    }

    @Test
    void jmhResultsOfUnknownModeOrGivenTwiceAreRefused() throws Exception {
        String result = "{\"benchmark\": \"a.B.c\", \"mode\": \"%s\", \"params\": {\"n\": \"1\"}, "
                + "\"primaryMetric\": {\"score\": 5, \"scoreUnit\": \"us/op\"}}";
        Path mode = Files.writeString(dir.resolve("mode.json"), "[" + result.formatted("fast") + "]");
        CommandLineRunner.run("history", "--import-jmh", mode.toString(), "--home", dir.resolve("h").toString())
                .assertUsage("[0].mode is 'fast', not one of avgt, sample, ss, thrpt");
        Path twice = Files.writeString(dir.resolve("twice.json"), "[" + result.formatted("avgt") + ", "
                + result.formatted("avgt") + "]");
        CommandLineRunner.run("history", "--import-jmh", twice.toString(), "--home", dir.resolve("h").toString())
                .assertUsage("[1].benchmark 'a.B.c' with parameters n=1 in mode avgt appears twice");
        Path concatenated = Files.writeString(dir.resolve("cat.json"), "[" + result.formatted("avgt") + "]\n[]");
        CommandLineRunner.run("history", "--import-jmh", concatenated.toString(), "--home",
                dir.resolve("h").toString()).assertUsage("is not JSON");
    }

    @Test
    void hostileNamesGoThroughCompareAndExportAsText() throws Exception {
        String hostile = TerminalSummaryTest.HOSTILE + " & <b>*x*</b> | `y`";
        Consumer<ObjectNode> rename = r -> { // a workload's name is a folder's: it cannot be hostile (see above)
            firstCase(r).put("label", hostile);
            r.put("runId", hostile);
        };
        Path a = folder("hostile-a", rename);
        Path b = folder("hostile-b", rename);
        Path out = dir.resolve("cmp");
        CommandLineRunner compare = CommandLineRunner.run("compare", a.toString(), b.toString(), "-o",
                out.toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.out()).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u202E")
                .contains("\\e[2J\\e]0;pwned\\x07evil\\nname");
        assertThat(compare.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
        String md = Files.readString(out.resolve("comparison.md"));
        assertThat(md).doesNotContain("\u001b").doesNotContain("<b>").doesNotContain("*x*")
                .contains("&amp; &lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\`y\\`");
        assertThat(md.lines().filter(l -> l.startsWith("| ")).map(CorruptReportTest::cells).distinct()).hasSize(1);

        CommandLineRunner export = CommandLineRunner.run("export", b.toString(), "--format", "smaller-is-better");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).doesNotContain("\u001b"); // JSON escapes it: the name travels intact
        assertThat(Json.mapper().readTree(export.out()).get(0).path("name").asText()).contains(hostile);
    }

    /** Cell separators of a Markdown table row, escaped pipes not counted. */
    static long cells(String row) {
        return java.util.regex.Pattern.compile("(?<!\\\\)\\|").matcher(row).results().count();
    }
}
