package io.flightdeck.engine.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.cli.ExitCodes;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.html.RunPage;
import io.flightdeck.profiling.leaks.LeakAnalysis;

/**
 * The leak check end to end on the engine, on real child JVMs: the engine on a bounded store passes, the same with a
 * forgotten audit listener fails and names what leaks and who holds it. (The harness's own LeakCheckCommandTest
 * covers the command with its test workloads.)
 */
class EngineLeakCheckTest {

    @TempDir
    static Path dir;
    static CommandLineRunner result;
    static RunReport report;

    @BeforeAll
    static void checkBoth() throws Exception {
        // the in-memory store runs several times more operations per second than SQLite: a short check still has
        // tens of thousands of them
        result = CommandLineRunner.run("leak-check", "-w", "leak-mixed", "-w", "leak-planted", "--param", "store=memory",
                "--duration", "15s", "--heap", "512m", "--out", dir.toString());
        report = Json.mapper().readValue(dir.resolve("report.json").toFile(), RunReport.class);
    }

    static LeakCheckReport check(String workload) {
        return report.leakChecks().stream().filter(c -> c.workload().equals(workload)).findFirst().orElseThrow();
    }

    @Test
    void aLeakFailsTheCommandWithExitCodeOne() {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(report.verdict()).isEqualTo(RunReport.FAILED);
        assertThat(result.out()).contains("1 of 2 leak check(s) failed");
    }

    @Test
    void theEngineOnABoundedStorePasses() {
        LeakCheckReport clean = check("leak-mixed");
        assertThat(clean.verdict()).as(clean.reason()).isEqualTo(LeakCheckReport.PASSED);
        assertThat(clean.reason()).startsWith("no significant growth");
        assertThat(clean.checkpoints().series()).hasSize(16); // the baseline and one per second
        // a pass means the growth is not significant or its slope is within the limit: either way the interval
        // reaches below the limit. The slope alone may sit above it when a busy machine leaves few operations to
        // fit (18.9 B/op against 16, not significant, was seen)
        assertThat(clean.checkpoints().perOperation().lower()).isLessThanOrEqualTo(clean.limits().bytesPerOperation());
        // how many operations fit in 15 s is the machine's business: they are the last checkpoint's count
        assertThat(clean.operations()).isPositive()
                .isEqualTo(clean.checkpoints().series().get(15).operations());
    }

    @Test
    void thePlantedLeakFailsWithItsGrowthPerOperation() {
        LeakCheckReport leak = check("leak-planted");
        assertThat(leak.verdict()).isEqualTo(LeakCheckReport.FAILED);
        // on a fast machine the leak fills the 512 MiB heap within the 15 s, and the check stops early saying so
        // first; either way it names the growth
        assertThat(leak.reason()).satisfiesAnyOf(r -> assertThat(r).startsWith("the live heap grows"),
                r -> assertThat(r).startsWith("heap nearly full").contains("; the live heap grows"));
        // each forgotten record keeps about 340 bytes: a long[32], the record, its list slot
        assertThat(leak.checkpoints().perOperation().slope()).isBetween(200.0, 500.0);
        assertThat(leak.checkpoints().perOperation().lower()).isPositive();
        assertThat(leak.checkpoints().growing()).isTrue();
        assertThat(leak.recording().growing()).as("the recording's own trend agrees").isTrue();
        assertThat(leak.rule().severity()).isIn("WARNING", "INFO", "OK");
    }

    @Test
    void theFailureNamesTheLeakingClassWhereItWasAllocatedAndWhoHoldsIt() throws Exception {
        List<LeakAnalysis.LeakSuspect> top = check("leak-planted").suspects().stream().limit(3).toList();
        assertThat(top).anySatisfy(s -> {
            assertThat(s.allocationSites().get(0).name()).contains("PlantedLeakWorkload$AuditRecord.<init>");
            assertThat(s.chains().get(0).path()).anySatisfy(e -> assertThat(e).contains("AUDIT_TRAIL"));
        });
        // and says so where people read it
        assertThat(result.out()).contains("suspects", "PlantedLeakWorkload$AuditRecord.<init>",
                "static io.flightdeck.engine.workloads.PlantedLeakWorkload.AUDIT_TRAIL");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("## Leak checks", "❌ leak-planted",
                "✅ leak-mixed", "PlantedLeakWorkload.AUDIT_TRAIL");
    }

    /** report.html: the failed check unfolded, its heap chart drawn, its suspect and the failure among the first lines. */
    @Test
    void theReportPageShowsTheLeakWithItsHeapChartAndSuspects() throws Exception {
        Document page = Jsoup.parse(dir.resolve(RunPage.FILE).toFile());
        Element leaks = page.selectFirst("#leak-checks");
        assertThat(leaks).isNotNull();
        assertThat(leaks.hasAttr("open")).isTrue();
        assertThat(leaks.select("h3.status-fail").text()).contains("leak-planted");
        assertThat(leaks.select("h3.status-pass").text()).contains("leak-mixed");
        assertThat(leaks.select("figure.chart")).hasSize(2).allSatisfy(chart -> {
            assertThat(chart.select("circle.point")).hasSizeGreaterThan(5);
            assertThat(chart.select("line.fit")).hasSize(1);
        });
        assertThat(leaks.select("pre").text()).contains("PlantedLeakWorkload.AUDIT_TRAIL");
        assertThat(page.select("#attention .callout.bad li").eachText())
                .anySatisfy(i -> assertThat(i).startsWith("Leak check leak-planted:"));
    }

    @Test
    void eachCheckLeavesItsRecordingAndFlameGraphsInTheRunFolder() {
        LeakCheckReport leak = check("leak-planted");
        assertThat(dir.resolve(leak.recordingFile())).isRegularFile();
        assertThat(leak.recordingFile()).isEqualTo("leak-check/leak-planted/recording.jfr");
        assertThat(leak.flameGraphs()).isNotEmpty().allSatisfy(g -> assertThat(dir.resolve(g)).isRegularFile());
    }

    @Test
    void theEnginesParametersAreCheckedBeforeAnyJvmStarts() {
        CommandLineRunner.run("leak-check", "--param", "store=x").assertUsage("store=x: unknown store, use memory or sqlite");
        CommandLineRunner.run("leak-check", "-w", "leak-trickle", "--param", "leak-every=8")
                .assertUsage("no selected workload takes it (they take: leak-bytes-per-op, store)");
        CommandLineRunner.run("leak-check", "-w", "leak-trickle", "--param", "leak-bytes-per-op=-1")
                .assertUsage("leak-bytes-per-op '-1'");
    }
}
