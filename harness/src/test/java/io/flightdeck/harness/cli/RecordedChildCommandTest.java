package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.ParentWatch;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.report.ForkReport;
import io.flightdeck.harness.report.RunReport;

/**
 * The child's command in report.json is the one to copy to run it again by hand: it leaves out the watch on stdin,
 * which would end such a child at once, while the child the run started did watch (its own flags say so).
 */
class RecordedChildCommandTest {

    @TempDir
    Path dir;

    @Test
    void theRecordedCommandLeavesOutTheWatchTheStartedChildHad() throws Exception {
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "--forks", "1", "--warmup", "0",
                "--iterations", "2", "--iteration-ms", "50", "--heap", "128m", "--no-jfr", "--no-history",
                "--out", dir.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();

        String watch = "-D" + ParentWatch.WATCH_PROPERTY + "=" + ParentWatch.STDIN;
        ForkReport fork = Json.mapper().readValue(dir.resolve("report.json").toFile(), RunReport.class)
                .workloads().get(0).forks().get(0);
        assertThat(fork.command()).isNotEmpty().doesNotContain(watch)
                .anyMatch(arg -> arg.startsWith("-D" + ParentWatch.TIME_LIMIT_PROPERTY + "="));
        assertThat(fork.jvm().inputArguments()).contains(watch); // the started JVM had it
        assertThat(Files.readString(dir.resolve("report.md"))).doesNotContain(ParentWatch.WATCH_PROPERTY);
    }
}
