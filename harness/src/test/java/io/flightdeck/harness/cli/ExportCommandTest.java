package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.history.HistoryStore;
import io.flightdeck.harness.home.Home;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

/** Results in other tools' formats: github-action-benchmark's and JMH's, and JMH's back into the history. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private Path runFolder() throws Exception {
        List<CaseReport.Iteration> its = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            its.add(new CaseReport.Iteration(1 + i / 3, i, 1_000, 1_000_000_000L, 1_000_000_000L, 2_000 + 10 * i,
                    500_000, 1_900, 2_500, 4_000, 64_000));
        }
        CaseReport c = new CaseReport("size=100", 1, 100, "query",
                new LatencyStats(5_000, 2_020, 50, 1_000, 1_900, 2_400, 2_600, 4_000, 6_000, 9_000), "", 495_000.0,
                its, null, null, 2, 0, List.of(), List.of(), null);
        RunReport r = new RunReport(RunReport.SCHEMA_VERSION, "t", "run-1", Instant.EPOCH, Instant.EPOCH, 0, null,
                null, null, List.of(new WorkloadReport("retrieval", "", "query", RunReport.PASSED, null, List.of(),
                List.of(c), null, null)), List.of(), List.of(), RunReport.PASSED, 0);
        Path folder = Files.createDirectories(dir.resolve("run"));
        Json.writeAtomically(Json.mapper(), folder.resolve("report.json"), r);
        return folder;
    }

    @Test
    void githubActionBenchmarkGetsLatenciesAndThroughputsUnderStableNames() throws Exception {
        Path run = runFolder();
        CommandLineRunner smaller = CommandLineRunner.run("export", run.toString(), "--format", "smaller-is-better");
        assertThat(smaller.exitCode()).as(smaller.err()).isZero();
        JsonNode s = Json.mapper().readTree(smaller.out());
        assertThat(s).hasSize(3);
        assertThat(s.get(1).path("name").asText()).isEqualTo("retrieval size=100 p95");
        assertThat(s.get(1).path("unit").asText()).isEqualTo("us");
        assertThat(s.get(1).path("value").asDouble()).isEqualTo(2.6);

        Path file = dir.resolve("bigger.json");
        CommandLineRunner bigger = CommandLineRunner.run("export", run.resolve("report.json").toString(), "--format",
                "bigger-is-better", "-o", file.toString());
        assertThat(bigger.exitCode()).isZero();
        JsonNode b = Json.mapper().readTree(file.toFile());
        assertThat(b.get(0).path("name").asText()).isEqualTo("retrieval size=100 throughput");
        assertThat(b.get(0).path("unit").asText()).isEqualTo("query/s");
        assertThat(b.get(0).path("value").asDouble()).isEqualTo(495_000.0);
    }

    @Test
    void jmhJsonCarriesTheIterationMeansAndReadsBackIntoTheHistory() throws Exception {
        Path jmh = dir.resolve("jmh.json");
        CommandLineRunner r = CommandLineRunner.run("export", runFolder().toString(), "--format", "jmh", "-o",
                jmh.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode result = Json.mapper().readTree(jmh.toFile()).get(0);
        assertThat(result.path("benchmark").asText()).isEqualTo("io.flightdeck.workload.retrieval");
        assertThat(result.path("mode").asText()).isEqualTo("avgt");
        assertThat(result.path("forks").asInt()).isEqualTo(2);
        JsonNode metric = result.path("primaryMetric");
        assertThat(metric.path("scoreUnit").asText()).isEqualTo("us/op");
        assertThat(metric.path("score").asDouble()).isEqualTo(2.02);
        assertThat(metric.path("rawData")).hasSize(2); // one array per fork
        assertThat(metric.path("rawData").get(0)).hasSize(3);
        assertThat(metric.path("scoreError").asDouble()).isPositive();

        Path home = dir.resolve("home");
        CommandLineRunner imported = CommandLineRunner.run("history", "--import-jmh", jmh.toString(), "--home",
                home.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        HistoryEntry e = new HistoryStore(new Home(home).history()).read().entries().get(0);
        assertThat(e.source()).isEqualTo(HistoryEntry.JMH);
        assertThat(e.points()).extracting(HistoryEntry.Point::workload, HistoryEntry.Point::caseLabel,
                HistoryEntry.Point::metric, HistoryEntry.Point::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("workload.retrieval", "case=size=100", "avgt",
                        2.02));
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Path run = runFolder();
        CommandLineRunner r = CommandLineRunner.run("export", run.toString(), "--format", "xml");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--format 'xml'");
        Path corrupt = Files.writeString(dir.resolve("bad.json"), "[{\"benchmark\": 1}]");
        CommandLineRunner imp = CommandLineRunner.run("history", "--import-jmh", corrupt.toString(), "--home",
                dir.resolve("h").toString());
        assertThat(imp.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(imp.err().strip().lines()).hasSize(1);
        assertThat(imp.err()).contains("[0].benchmark is not text");
    }
}
