package io.flightdeck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.check.Budgets;
import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.runner.RunListener;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.api.Scale;
import io.flightdeck.child.workload.WorkloadRegistry;

/**
 * A run whose reports cannot all be written (the sweep: a disk with 20 KB free left a report.json saying "passed"
 * and no report.md or report.html) leaves none of them, and the error names the file that failed.
 */
class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void aReportThatCannotBeWrittenLeavesNoReportJsonBehind() throws Exception {
        Files.createDirectories(dir.resolve("report.html").resolve("in-the-way")); // report.html cannot be written
        Suite suite = new Suite("t", "test", Scale.SMALL, 0, 0, 2, 100, 1, "128m", 300, List.of("test-sum"),
                List.of());
        RunPlan plan = new RunPlan("t", dir, suite, List.of(WorkloadRegistry.load().find("test-sum").orElseThrow()),
                Map.of(), 42, "-XX:+UseSerialGC", false, "profile", false);

        assertThatThrownBy(() -> new ProfilingRun().execute(plan, LeakCheckPlan.NONE, Budgets.defaults(), List.of(),
                RunListener.SILENT)).isInstanceOf(ResultWriteException.class)
                .hasMessageStartingWith("cannot write " + dir.resolve("report.html").toAbsolutePath() + ": ");

        assertThat(dir.resolve("report.json")).doesNotExist();
        assertThat(dir.resolve("report.md")).doesNotExist();
        assertThat(dir.resolve("test-sum/result.json")).isRegularFile(); // the run itself ran
    }
}
