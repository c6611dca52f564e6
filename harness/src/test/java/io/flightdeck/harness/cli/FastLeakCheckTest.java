package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.HeapFull;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.html.RunPage;

/**
 * A leak fast enough to fill the child's heap long before the check's duration: the check stops when the live heap
 * is nearly full, fails with that reason, still names what leaks, and writes its reports. Asked of the stop's flag
 * and of how many of the planned checkpoints ran, never of seconds: a busy machine slows the leak, not the verdict.
 */
class FastLeakCheckTest {

    /** The duration asked: 60 checkpoints after the baseline, of which a 64 MB heap leaves room for few. */
    static final int PLANNED_CHECKPOINTS = 60;

    @TempDir
    static Path dir;
    static CommandLineRunner result;
    static LeakCheckReport check;

    @BeforeAll
    static void checkTheFastLeak() throws Exception {
        result = CommandLineRunner.run("leak-check", "-w", "test-fast-leak", "--heap", "64m",
                "--duration", PLANNED_CHECKPOINTS + "s", "--sampler", "jfr", "--no-history", "--out", dir.toString());
        RunReport report = Json.mapper().readValue(dir.resolve("report.json").toFile(), RunReport.class);
        check = report.leakChecks().get(0);
    }

    @Test
    void theCheckStopsEarlyBecauseTheHeapIsFullAndFails() {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(check.verdict()).isEqualTo(LeakCheckReport.FAILED);
        assertThat(check.stoppedEarly()).as(check.reason()).isTrue();
        HeapFull full = check.heapFull();
        assertThat(full.iterations()).isLessThan(PLANNED_CHECKPOINTS);
        // nearly full at a checkpoint, or (a leak faster than the hint between checkpoints) out of memory: either way
        // the reason says which, with the heap's figures, and the JVM is not reported as crashed
        assertThat(check.reason()).containsAnyOf("heap nearly full after", "out of memory after")
                .contains("the check stopped early").doesNotContain("did not finish");
        if (!full.outOfMemory()) {
            assertThat((double) full.usedBytes() / full.maxBytes()).isGreaterThanOrEqualTo(0.80);
        }
        assertThat(check.failure()).isNull();
        assertThat(result.out()).contains("❌ test-fast-leak: FAILED").contains("the check stopped early");
    }

    @Test
    void itStillNamesWhatLeaksAndWhoHoldsIt() {
        assertThat(check.suspects()).isNotEmpty();
        assertThat(check.suspects().get(0).allocationSites().get(0).name()).contains("FastLeakWorkload$Block.<init>");
        assertThat(result.out()).contains("static io.flightdeck.harness.testworkloads.FastLeakWorkload.BLOCKS");
    }

    @Test
    void itWritesEveryReport() throws Exception {
        assertThat(Files.readString(dir.resolve("report.md"))).contains("❌ test-fast-leak", "the check stopped early");
        assertThat(Files.readString(dir.resolve(RunPage.FILE))).contains("the check stopped early");
    }
}
