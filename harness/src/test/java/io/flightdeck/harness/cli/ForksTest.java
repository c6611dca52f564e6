package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.ChildResult;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;
import io.flightdeck.harness.TestTags;

/** With several forks, each JVM leaves its own files and the report merges their histograms and iterations. */
@Tag(TestTags.JDK_NEUTRAL)
class ForksTest {

    @TempDir
    Path dir;

    @Test
    void twoForksAreMergedIntoOneCase() throws Exception {
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "--forks", "2", "--warmup", "0",
                "--iterations", "2", "--iteration-ms", "100", "--heap", "128m", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("test-sum fork 2/2");

        RunReport report = Json.mapper().readValue(dir.resolve("report.json").toFile(), RunReport.class);
        WorkloadReport w = report.workloads().get(0);
        assertThat(w.forks()).hasSize(2);
        assertThat(dir.resolve("test-sum/recording.jfr")).isRegularFile();
        assertThat(dir.resolve("test-sum/recording-fork-2.jfr")).isRegularFile();
        ChildResult second = Json.mapper().readValue(dir.resolve("test-sum/result-fork-2.json").toFile(),
                ChildResult.class);
        ChildResult first = Json.mapper().readValue(dir.resolve("test-sum/result.json").toFile(), ChildResult.class);
        assertThat(first.jvm().pid()).isNotEqualTo(second.jvm().pid());

        CaseReport c = w.cases().get(0);
        assertThat(c.iterations()).extracting(CaseReport.Iteration::fork).containsExactly(1, 1, 2, 2);
        long merged = first.cases().get(0).latency().count() + second.cases().get(0).latency().count();
        assertThat(c.latency().count()).isEqualTo(merged);
        assertThat(c.resources()).hasSize(2);
    }

    @Test
    void aCaseNamedAloneIsTheOnlyOneRun() throws Exception {
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "--case", "size=8000", "--warmup", "0",
                "--iterations", "2", "--iteration-ms", "100", "--heap", "128m", "--no-jfr", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunReport report = Json.mapper().readValue(dir.resolve("report.json").toFile(), RunReport.class);
        assertThat(report.workloads().get(0).cases()).extracting(CaseReport::label).containsExactly("size=8000");
        ChildResult child = Json.mapper().readValue(dir.resolve("test-sum/result.json").toFile(), ChildResult.class);
        assertThat(child.cases()).extracting(c -> c.label()).containsExactly("size=8000");
    }
}
