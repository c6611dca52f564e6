package io.flightdeck.harness.cli;

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

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.html.RunPage;
import io.flightdeck.profiling.leaks.LeakAnalysis;

/**
 * The leak check end to end, on real child JVMs and the test workloads: one that keeps nothing passes, one that keeps
 * a receipt of every operation in a static list fails and names what leaks and who holds it, and a JVM that dies is a
 * failed check, not a pass. (engine-workloads checks the memory engine the same way.)
 */
class LeakCheckCommandTest {

    @TempDir
    static Path dir;
    static CommandLineRunner result;
    static RunReport report;

    @BeforeAll
    static void checkBoth() throws Exception {
        result = CommandLineRunner.run("leak-check", "-w", "test-steady", "-w", "test-leak",
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
    void aWorkloadThatKeepsNothingPasses() {
        LeakCheckReport clean = check("test-steady");
        assertThat(clean.verdict()).as(clean.reason()).isEqualTo(LeakCheckReport.PASSED);
        assertThat(clean.reason()).startsWith("no significant growth");
        assertThat(clean.stoppedEarly()).isFalse(); // the heap watch leaves a workload that keeps nothing alone
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
        LeakCheckReport leak = check("test-leak");
        assertThat(leak.verdict()).isEqualTo(LeakCheckReport.FAILED);
        assertThat(leak.reason()).startsWith("the live heap grows");
        // each forgotten receipt keeps about 300 bytes: a long[32], the receipt, its list slot
        assertThat(leak.checkpoints().perOperation().slope()).isBetween(200.0, 500.0);
        assertThat(leak.checkpoints().perOperation().lower()).isPositive();
        assertThat(leak.checkpoints().growing()).isTrue();
        // the recording's own trend (post-GC heap sizes of every collection, young ones noisy with garbage) points
        // the same way; whether its interval clears the limit too depends on how many operations a busy machine
        // leaves in 15 s (on JDK 25 beside another build it did not), so only its direction is asked
        assertThat(leak.recording().perSecond().slope()).as("the recording's own trend agrees").isPositive();
        assertThat(leak.rule().severity()).isIn("WARNING", "INFO", "OK");
    }

    @Test
    void theFailureNamesTheLeakingClassWhereItWasAllocatedAndWhoHoldsIt() throws Exception {
        List<LeakAnalysis.LeakSuspect> top = check("test-leak").suspects().stream().limit(3).toList();
        assertThat(top).anySatisfy(s -> {
            assertThat(s.allocationSites().get(0).name()).contains("PlantedLeakWorkload$Receipt.<init>");
            assertThat(s.chains().get(0).path()).anySatisfy(e -> assertThat(e).contains("RECEIPTS"));
        });
        // and says so where people read it
        assertThat(result.out()).contains("suspects", "PlantedLeakWorkload$Receipt.<init>",
                "static io.flightdeck.harness.testworkloads.PlantedLeakWorkload.RECEIPTS");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("## Leak checks", "❌ test-leak",
                "✅ test-steady", "PlantedLeakWorkload.RECEIPTS");
    }

    /** report.html: the failed check unfolded, its heap chart drawn, its suspect and the failure among the first lines. */
    @Test
    void theReportPageShowsTheLeakWithItsHeapChartAndSuspects() throws Exception {
        Document page = Jsoup.parse(dir.resolve(RunPage.FILE).toFile());
        Element leaks = page.selectFirst("#leak-checks");
        assertThat(leaks).isNotNull();
        assertThat(leaks.hasAttr("open")).isTrue();
        assertThat(leaks.select("h3.status-fail").text()).contains("test-leak");
        assertThat(leaks.select("h3.status-pass").text()).contains("test-steady");
        assertThat(leaks.select("figure.chart")).hasSize(2).allSatisfy(chart -> {
            assertThat(chart.select("circle.point")).hasSizeGreaterThan(5);
            assertThat(chart.select("line.fit")).hasSize(1);
        });
        assertThat(leaks.select("pre").text()).contains("PlantedLeakWorkload.RECEIPTS");
        assertThat(page.select("#attention .callout.bad li").eachText())
                .anySatisfy(i -> assertThat(i).startsWith("Leak check test-leak:"));
    }

    @Test
    void eachCheckLeavesItsRecordingAndFlameGraphsInTheRunFolder() {
        LeakCheckReport leak = check("test-leak");
        assertThat(dir.resolve(leak.recordingFile())).isRegularFile();
        assertThat(leak.recordingFile()).isEqualTo("leak-check/test-leak/recording.jfr");
        assertThat(leak.flameGraphs()).isNotEmpty().allSatisfy(g -> assertThat(dir.resolve(g)).isRegularFile());
    }

    @Test
    void aWorkloadThatRunsOutOfMemoryIsAFailedCheckThatStoppedEarly(@TempDir Path other) throws Exception {
        // 1 MiB kept per operation exhausts 64 MB within the first warm-up iteration: the child catches the
        // OutOfMemoryError (or finds the heap nearly full first), stops and reports it, instead of dying without a
        // result or thrashing in full collections until its time limit
        CommandLineRunner r = CommandLineRunner.run("leak-check", "-w", "test-oom", "--heap", "64m",
                "--duration", "5s", "--sampler", "jfr", "--out", other.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        RunReport died = Json.mapper().readValue(other.resolve("report.json").toFile(), RunReport.class);
        LeakCheckReport check = died.leakChecks().get(0);
        assertThat(check.verdict()).isEqualTo(LeakCheckReport.FAILED);
        // usually the child catches it and stops early; on a machine busy enough (a fresh-clone CI run beside a CPU
        // hog and two A/B comparisons) the heap ran out before the first checkpoint, which the check also says
        if (check.stoppedEarly()) {
            assertThat(check.reason()).containsAnyOf("out of memory after", "heap nearly full after")
                    .doesNotContain("did not finish");
        } else {
            assertThat(check.reason()).contains("out of memory before a checkpoint", "OutOfMemoryError");
        }
        assertThat(r.out()).contains("❌ test-oom");
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        CommandLineRunner.run("leak-check", "--duration", "3s").assertUsage("at least 5");
        CommandLineRunner.run("leak-check", "--duration", "soon").assertUsage("--duration 'soon'");
        CommandLineRunner.run("leak-check", "--limit-bytes-per-op", "5ms").assertUsage("not a size");
        CommandLineRunner.run("leak-check", "--limit-bytes-per-s", "-3").assertUsage("negative");
        CommandLineRunner.run("leak-check", "-w", "nope").assertUsage("unknown workload 'nope'");
        CommandLineRunner.run("leak-check", "--param", "store=x")
                .assertUsage("--param store: no selected workload takes it (they take none)");
        CommandLineRunner.run("leak-check", "-w", "test-knob", "--param", "knobs=8")
                .assertUsage("no selected workload takes it (they take: ");
        CommandLineRunner.run("leak-check", "--store", "memory").assertUsage("--store");
        CommandLineRunner.run("leak-check", "--heap", "1m").assertUsage("too small");
    }

}
