package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.child.ChildMain;
import io.flightdeck.harness.files.Json;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;
import io.flightdeck.harness.testworkloads.ThrowingWorkload;

/**
 * A workload that throws, one that exhausts its heap and one that hangs past its limit are each reported as failed
 * with the reason, and the workload after them still runs. One run for all four: each child JVM costs seconds.
 */
class FailingWorkloadsTest {

    @TempDir
    static Path dir;

    static CommandLineRunner result;
    static RunReport report;

    @BeforeAll
    static void runOnce() throws Exception {
        result = CommandLineRunner.run("run", "-w", "test-throws", "-w", "test-oom", "-w", "test-hang", "-w",
                "test-sum", "--heap", "96m", "--timeout", "12", "--warmup", "1", "--iterations", "2",
                "--iteration-ms", "200", "--out", dir.toString());
        report = Json.mapper().readValue(dir.resolve("report.json").toFile(), RunReport.class);
    }

    @Test
    void aFailedWorkloadFailsTheRunWithExitCodeOne() {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(report.verdict()).isEqualTo(RunReport.FAILED);
        assertThat(result.out()).contains("FAILED", "report.md");
    }

    @Test
    void aThrowingWorkloadIsFailedWithItsException() {
        WorkloadReport w = workload("test-throws");
        assertThat(w.status()).isEqualTo(RunReport.FAILED);
        assertThat(w.failure()).contains("IllegalStateException", ThrowingWorkload.MESSAGE);
        assertThat(w.forks().get(0).exitCode()).isEqualTo(ChildMain.EXIT_WORKLOAD_FAILED);
        assertThat(w.forks().get(0).stderrTail()).anyMatch(l -> l.contains(ThrowingWorkload.MESSAGE));
        assertThat(w.forks().get(0).recording()).isNotNull();
        assertThat(dir.resolve(w.forks().get(0).recording())).isRegularFile();
    }

    @Test
    void aWorkloadThatExhaustsItsHeapIsFailedWithOutOfMemory() {
        WorkloadReport w = workload("test-oom");
        assertThat(w.status()).isEqualTo(RunReport.FAILED);
        assertThat(w.failure()).contains("OutOfMemoryError");
        assertThat(w.forks().get(0).exitCode()).isNotEqualTo(0);
    }

    @Test
    void aHangingWorkloadIsStoppedAtItsTimeLimitAndLeavesItsRecording() {
        WorkloadReport w = workload("test-hang");
        assertThat(w.status()).isEqualTo(RunReport.FAILED);
        assertThat(w.failure()).contains("time limit of 12 s");
        assertThat(w.forks().get(0).timedOut()).isTrue();
        // stopped with SIGTERM first, so JFR's dump-on-exit wrote what it had
        assertThat(w.forks().get(0).recording()).isNotNull();
    }

    @Test
    void theWorkloadAfterTheFailuresStillRunsAndIsMeasured() throws Exception {
        WorkloadReport w = workload("test-sum");
        assertThat(w.status()).isEqualTo(RunReport.PASSED);
        assertThat(w.cases()).hasSize(2);
        assertThat(w.cases().get(0).latency().count()).isPositive();
        assertThat(w.cases().get(0).iterations()).hasSize(2);
        assertThat(w.scaling()).isNotNull();
        assertThat(w.scaling().exponent()).isBetween(0.5, 1.5);
        assertThat(dir.resolve("test-sum/recording.jfr")).isRegularFile();
        assertThat(Files.size(dir.resolve("test-sum/recording.jfr"))).isPositive();
        assertThat(Files.readString(dir.resolve("report.md"))).contains("test-oom", "OutOfMemoryError", "❌");
    }

    private static WorkloadReport workload(String name) {
        return report.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }
}
