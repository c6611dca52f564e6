package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.TestTags;

/** Budget verdicts come from the measured numbers: a limit below the measured P95 fails the run with exit 1. */
@Tag(TestTags.JDK_NEUTRAL)
class BudgetVerdictTest {

    @TempDir
    Path dir;

    @Test
    void aBudgetBelowTheMeasuredP95FailsAndOneAboveItPasses() throws Exception {
        Path budgets = dir.resolve("budgets.json");
        // the sum of 8,000 longs takes microseconds: 1 ns is certainly exceeded, 10 s certainly is not
        Files.writeString(budgets, """
                { "schemaVersion": 1, "budgets": [
                  { "workload": "test-sum", "case": "size=8000", "metric": "p95", "max": "1ns" },
                  { "workload": "test-sum", "case": "size=1000", "metric": "p95", "max": "10s" } ] }
                """);
        Path out = dir.resolve("run");
        CommandLineRunner result = CommandLineRunner.run("run", "-w", "test-sum", "--budgets", budgets.toString(),
                "--warmup", "1", "--iterations", "3", "--iteration-ms", "200", "--heap", "128m", "--out",
                out.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        RunReport report = Json.mapper().readValue(out.resolve("report.json").toFile(), RunReport.class);
        assertThat(report.budgets()).hasSize(2);
        BudgetVerdict tight = report.budgets().get(0);
        assertThat(tight.status()).isEqualTo(BudgetVerdict.Status.FAIL);
        double measuredP95 = report.workloads().get(0).cases().get(1).latency().p95();
        assertThat(tight.measured()).isEqualTo(measuredP95);
        assertThat(tight.margin()).isNegative();
        assertThat(report.budgets().get(1).status()).isEqualTo(BudgetVerdict.Status.PASS);
        assertThat(result.out()).contains("❌");
        assertThat(Files.readString(out.resolve("report.md"))).contains("❌", "≤ 1 ns");
    }

    @Test
    void reportJsonRoundTripsThroughItsModel() throws Exception {
        Path out = dir.resolve("run");
        CommandLineRunner result = CommandLineRunner.run("run", "-w", "test-sum", "--warmup", "0", "--iterations",
                "2", "--iteration-ms", "100", "--heap", "128m", "--no-jfr", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();

        ObjectMapper json = Json.mapper();
        JsonNode written = json.readTree(out.resolve("report.json").toFile());
        RunReport model = json.treeToValue(written, RunReport.class);
        JsonNode again = json.readTree(json.writeValueAsString(model));
        assertThat(again).isEqualTo(written);
        assertThat(json.readValue(json.writeValueAsString(model), RunReport.class)).isEqualTo(model);
        assertThat(model.schemaVersion()).isEqualTo(RunReport.SCHEMA_VERSION);
        assertThat(model.settings().jfr()).isFalse();
        assertThat(out.resolve("test-sum/recording.jfr")).doesNotExist();
        assertThat(out.resolve("environment.json")).isRegularFile();
    }
}
