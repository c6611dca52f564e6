package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.flightdeck.harness.TestTags;

/**
 * The run ran; its comparison with the baseline could not be written: like any result that cannot be written, exit 2
 * and one line on stderr naming the file, not a failed check on stdout.
 */
@Tag(TestTags.JDK_NEUTRAL)
class ComparisonWriteFailureTest {

    @TempDir
    Path dir;

    @Test
    void aComparisonThatCannotBeWrittenIsAWriteFailure() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        CommandLineRunner saved = CommandLineRunner.run(args(dir.resolve("base"), home, "--save-baseline", "main"));
        assertThat(saved.exitCode()).as(saved.out() + saved.err()).isEqualTo(ExitCodes.OK);

        // a non-empty folder where the comparison's graph goes: the comparison cannot clear it away
        Path run = dir.resolve("run");
        Path inTheWay = Files.createDirectories(run.resolve("test-sum/flamegraph-cpu-diff.html"));
        Files.writeString(inTheWay.resolve("keep"), "x");
        CommandLineRunner r = CommandLineRunner.run(args(run, home, "--baseline", "main"));

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).doesNotContain("FAILED: the comparison");
        assertThat(r.err().strip().lines()).hasSize(1).noneMatch(l -> l.contains("Exception"));
        assertThat(r.err()).startsWith("flightdeck: the comparison with baseline main could not be written: cannot write "
                + run.resolve("comparison.json"));
        assertThat(run.resolve("report.json")).isRegularFile(); // the run's own results are kept
    }

    private static String[] args(Path out, Path home, String option, String baseline) {
        return new String[] {"run", "-w", "test-sum", "--warmup", "0", "--iterations", "2", "--iteration-ms", "50",
                "--heap", "128m", "--no-jfr", "--forks", "1", "--no-history", "--out", out.toString(),
                "--home", home.toString(), option, baseline};
    }
}
