package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

/** {@code analyze} on a real recording, the analysis a run puts beside each recording, and bad input. */
class AnalyzeCommandTest {

    @TempDir
    static Path dir;
    static Path run;
    static RunReport report;

    @BeforeAll
    static void recordARun() throws Exception {
        run = dir.resolve("run");
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "--warmup", "1", "--iterations", "3",
                "--iteration-ms", "300", "--heap", "128m", "--out", run.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        report = Json.mapper().readValue(run.resolve("report.json").toFile(), RunReport.class);
    }

    @Test
    void aRunAnalysesEachRecordingAndReportsItsHeadline() throws Exception {
        WorkloadReport w = report.workloads().get(0);
        assertThat(w.profile()).isNotNull();
        assertThat(w.profile().analysis()).isEqualTo("test-sum/analysis.json");
        assertThat(w.profile().cpuSamples()).isPositive();
        // the workload's operation is the hot method
        assertThat(w.profile().hotMethods().get(0).name()).contains("SumWorkload");
        assertThat(run.resolve("test-sum/analysis.json")).isRegularFile();
        assertThat(run.resolve("test-sum/cpu.folded")).isRegularFile();
        assertThat(Files.readString(run.resolve("report.md"))).contains("Profiles (JFR)", "SumWorkload");
    }

    @Test
    void analyzeWritesTheAnalysisAndFoldedStacksAndPrintsASummary() throws Exception {
        Path out = dir.resolve("analysis");
        CommandLineRunner r = CommandLineRunner.run("analyze", run.resolve("test-sum/recording.jfr").toString(),
                "--out", out.toString(), "--top", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Hot methods", "Allocation sites", "GC:", "analysis.json");
        JsonNode json = Json.mapper().readTree(out.resolve("analysis.json").toFile());
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.path("cpu").path("hotBySelf").size()).isBetween(1, 5);
        assertThat(json.path("stacks").isMissingNode()).isTrue(); // the trees go to the folded files
        assertThat(Files.readAllLines(out.resolve("cpu.folded"))).isNotEmpty()
                .allMatch(l -> l.matches(".* \\d+"));
    }

    @Test
    void aWindowNarrowsTheAnalysis() throws Exception {
        Path out = dir.resolve("window");
        CommandLineRunner r = CommandLineRunner.run("analyze", run.resolve("test-sum/recording.jfr").toString(),
                "--out", out.toString(), "--from", "0s", "--to", "1ms");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(out.resolve("analysis.json").toFile());
        JsonNode all = Json.mapper().readTree(run.resolve("test-sum/analysis.json").toFile());
        assertThat(json.path("cpu").path("samples").asLong()).isLessThan(all.path("cpu").path("samples").asLong());
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "not a recording");
        for (String[] args : new String[][] {
                {"analyze", dir.resolve("missing.jfr").toString()},
                {"analyze", text.toString()},
                {"analyze", run.resolve("test-sum/recording.jfr").toString(), "--from", "yesterday"},
                {"analyze", run.resolve("test-sum/recording.jfr").toString(), "--from", "2s", "--to", "1s"},
                {"analyze", run.resolve("test-sum/recording.jfr").toString(), "--top", "0"},
                {"analyze"}}) {
            CommandLineRunner r = CommandLineRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ");
        }
    }
}
