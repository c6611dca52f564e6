package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.ChildMain;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.measure.ScalingFit;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;
import io.flightdeck.harness.testworkloads.ThrowingWorkload;

/**
 * A workload that throws, one that exhausts its heap and one that hangs past its limit are each reported as failed
 * with the reason, and the workload after them still runs. The hang runs on its own, with a short time limit: a
 * limit short enough to wait out is one that a busy machine can make the others miss too.
 */
class FailingWorkloadsTest {

    @TempDir
    static Path dir;

    static CommandLineRunner result;
    static RunReport report;
    static CommandLineRunner hung;
    static RunReport hungReport;

    @BeforeAll
    static void runTwice() throws Exception {
        result = CommandLineRunner.run("run", "-w", "test-throws", "-w", "test-oom", "-w", "test-sum", "--heap",
                "96m", "--warmup", "1", "--iterations", "2", "--iteration-ms", "200", "--out",
                dir.resolve("failing").toString());
        report = Json.mapper().readValue(dir.resolve("failing/report.json").toFile(), RunReport.class);
        hung = CommandLineRunner.run("run", "-w", "test-hang", "--heap", "96m", "--timeout", "20", "--out",
                dir.resolve("hung").toString());
        hungReport = Json.mapper().readValue(dir.resolve("hung/report.json").toFile(), RunReport.class);
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
        assertThat(dir.resolve("failing").resolve(w.forks().get(0).recording())).isRegularFile();
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
        assertThat(hung.exitCode()).as(hung.out() + hung.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        WorkloadReport w = hungReport.workloads().get(0);
        assertThat(w.name()).isEqualTo("test-hang");
        assertThat(w.status()).isEqualTo(RunReport.FAILED);
        assertThat(w.failure()).contains("time limit of 20 s");
        assertThat(w.forks().get(0).timedOut()).isTrue();
        // stopped with SIGTERM first, so JFR's dump-on-exit wrote what it had: JFR starts with the JVM, before the
        // workload's setup is reported (20 s is ample for that even on a loaded machine)
        if (hung.out().lines().anyMatch(l -> l.contains("test-hang") && l.endsWith(" setup"))) {
            assertThat(w.forks().get(0).recording()).isNotNull();
            assertThat(dir.resolve("hung").resolve(w.forks().get(0).recording())).isRegularFile();
        }
    }

    @Test
    void theWorkloadAfterTheFailuresStillRunsAndIsMeasured() throws Exception {
        WorkloadReport w = workload("test-sum");
        assertThat(w.status()).isEqualTo(RunReport.PASSED);
        assertThat(w.cases()).hasSize(2);
        assertThat(w.cases().get(0).latency().count()).isPositive();
        assertThat(w.cases().get(0).iterations()).hasSize(2);
        assertThat(w.scaling()).isNotNull();
        // how latency grows with size is the machine's to move; that the two cases were fitted is the plumbing here
        // (ScalingFitTest tests the fit on figures it sets)
        assertThat(w.scaling().points()).extracting(ScalingFit.Point::size).containsExactly(1_000L, 8_000L);
        assertThat(w.scaling().exponent())
                .isEqualTo(ScalingFit.of(w.scaling().metric(), w.scaling().points()).exponent());
        assertThat(dir.resolve("failing/test-sum/recording.jfr")).isRegularFile();
        assertThat(Files.size(dir.resolve("failing/test-sum/recording.jfr"))).isPositive();
        assertThat(Files.readString(dir.resolve("failing/report.md"))).contains("test-oom", "OutOfMemoryError", "❌");
    }

    private static WorkloadReport workload(String name) {
        return report.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }
}
