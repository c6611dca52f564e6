package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.harness.files.Json;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

/**
 * The leak-check subjects: the mixed lifecycle on a bounded store keeps its live heap nearly flat, the same with a
 * forgotten audit listener grows it, and JFR's old-object samples point at the listener's records.
 */
class LeakWorkloadsTest {

    @TempDir
    static Path dir;
    static RunReport report;

    @BeforeAll
    static void runBoth() throws Exception {
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "leak-mixed", "-w", "leak-planted", "--store", "memory",
                "--warmup", "1", "--iterations", "3", "--iteration-ms", "500", "--heap", "512m", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        report = Json.mapper().readValue(dir.resolve("report.json").toFile(), RunReport.class);
    }

    static double metric(String workload, String name) {
        WorkloadReport w = report.workloads().stream().filter(x -> x.name().equals(workload)).findFirst().orElseThrow();
        CaseReport c = w.cases().get(0);
        return c.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void thePlantedLeakGrowsTheLiveHeapByItsRecords() {
        double operations = metric("leak-planted", "operations-measured");
        double planted = metric("leak-planted", "live-heap-growth-bytes");
        double clean = metric("leak-mixed", "live-heap-growth-bytes");
        // each forgotten record keeps about 330 bytes (a long[32] and the record); both share the same start-up noise
        assertThat(operations).isGreaterThan(500);
        assertThat(planted - clean).isGreaterThan(150 * operations);
    }

    @Test
    void oldObjectSamplesPointAtTheForgottenRecords() throws Exception {
        JsonNode leaks = Json.mapper().readTree(dir.resolve("leak-planted/analysis.json").toFile()).path("leaks");
        assertThat(leaks.path("samples").asLong()).isPositive();
        List<String> sites = leaks.path("suspects").findValues("allocationSites").stream()
                .flatMap(a -> a.findValuesAsText("name").stream()).toList();
        assertThat(sites).anySatisfy(s -> assertThat(s).contains("PlantedLeakWorkload$AuditRecord.<init>"));
    }
}
