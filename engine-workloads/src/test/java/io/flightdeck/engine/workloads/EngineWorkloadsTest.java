package io.flightdeck.engine.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.cli.ExitCodes;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

/**
 * Every workload of the memory engine runs in its own recorded JVM and reports real figures, found by Flightdeck as a
 * user's would be (the service file, the budgets resource): the quick suite's workloads and cases at the shortest
 * settings, on the in-memory store to keep the test quick.
 */
class EngineWorkloadsTest {

    /** The engine's ordinary workloads, in the service file's order; the leak workloads run only when named. */
    static final List<String> QUICK_SUITE = List.of("episode-creation", "step-logging", "episode-completion",
            "pattern-extraction", "lifecycle", "retrieval-scaling", "concurrency", "memory-pressure");

    @TempDir
    static Path dir;

    static CommandLineRunner result;
    static RunReport report;

    @BeforeAll
    static void runQuickSuiteShort() throws Exception {
        result = CommandLineRunner.run("run", "--param", "store=memory", "--warmup", "0", "--iterations", "1",
                "--iteration-ms", "100", "--cold-start", "2", "--heap", "512m",
                // a limit no child comes near however busy the machine (memory-pressure took 69 s beside a CPU hog)
                "--timeout", "900", "--out", dir.toString());
        report = Json.mapper().readValue(dir.resolve("report.json").toFile(), RunReport.class);
    }

    /**
     * Every workload runs and its default budgets are judged. Whether the timing budgets hold (a p95, a throughput)
     * is the machine's to decide, so only the exit code's agreement with the verdicts is asserted for them; the
     * memory budgets (bytes per episode) do not move with load and must hold.
     */
    @Test
    void everyWorkloadRunsAndItsBudgetsAreJudged() {
        assertThat(report.workloads()).extracting(WorkloadReport::name).containsExactlyElementsOf(QUICK_SUITE);
        assertThat(report.settings().parameters()).containsExactly(Map.entry("store", "memory"));
        assertThat(report.settings().budgets()).contains(Budgets.RESOURCE); // the engine's, from its module
        assertThat(report.workloads()).allSatisfy(w -> {
            assertThat(w.status()).as(w.name() + ": " + w.failure()).isEqualTo(RunReport.PASSED);
            assertThat(w.cases()).isNotEmpty().allSatisfy(c -> assertThat(c.latency().count()).isPositive());
        });
        assertThat(report.budgets()).isNotEmpty();
        boolean anyFailed = report.budgets().stream().anyMatch(b -> b.status() == BudgetVerdict.Status.FAIL);
        assertThat(result.exitCode()).as(result.out() + result.err())
                .isEqualTo(anyFailed ? ExitCodes.CHECK_FAILED : 0);
        assertThat(report.budgets()).filteredOn(b -> b.workload().equals("memory-pressure")).isNotEmpty()
                .allSatisfy(b -> assertThat(b.status()).as(b.metric()).isNotEqualTo(BudgetVerdict.Status.FAIL));
    }

    @Test
    void everyWorkloadLeavesARecordingThatJfrCanRead() throws IOException {
        for (WorkloadReport w : report.workloads()) {
            Path recording = dir.resolve(w.forks().get(0).recording());
            long events = 0;
            boolean sawFlightdeckThread = false;
            try (RecordingFile file = new RecordingFile(recording)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent e = file.readEvent();
                    events++;
                    if (e.getThread() != null && e.getThread().getJavaName() != null
                            && e.getThread().getJavaName().startsWith("flightdeck-worker-")) {
                        sawFlightdeckThread = true;
                    }
                }
            }
            assertThat(events).as(w.name()).isGreaterThan(100);
            assertThat(sawFlightdeckThread).as(w.name() + " recorded its worker threads").isTrue();
        }
    }

    @Test
    void theChildJvmRanWithTheFlagsTheReportStates() {
        WorkloadReport w = report.workloads().get(0);
        assertThat(w.forks().get(0).jvm().inputArguments())
                .contains("-Xmx512m", "-Xms512m", "-XX:+UseG1GC")
                .anyMatch(a -> a.startsWith("-XX:StartFlightRecording=settings=profile"));
        assertThat(w.forks().get(0).jvm().maxHeapBytes()).isLessThanOrEqualTo(512L * 1024 * 1024);
    }

    @Test
    void retrievalScalingIsFittedAndMemoryPressureMeasuresFootprints() {
        WorkloadReport retrieval = workload("retrieval-scaling");
        assertThat(retrieval.cases()).extracting(c -> c.size()).containsExactly(100L, 1_000L, 10_000L);
        assertThat(retrieval.scaling()).isNotNull();
        assertThat(retrieval.scaling().points()).hasSize(3);

        WorkloadReport memory = workload("memory-pressure");
        var c = memory.cases().get(0);
        assertThat(c.metrics()).extracting(m -> m.name())
                .contains("heap-growth-bytes-per-episode", "retained-bytes-per-episode");
        double retained = c.metrics().stream().filter(m -> m.name().equals("retained-bytes-per-episode"))
                .findFirst().orElseThrow().value();
        assertThat(retained).isBetween(500.0, 64_000.0); // a 10-step episode in memory: a few KiB
        assertThat(c.details().path("episodes").size()).isEqualTo(3);
        assertThat(c.details().path("layouts").toString()).contains("io.flightdeck.memory.model.Episode");

        WorkloadReport concurrency = workload("concurrency");
        assertThat(concurrency.cases()).extracting(x -> x.threads()).containsExactly(1, 2, 4, 8);
    }

    private static WorkloadReport workload(String name) {
        return report.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }
}
