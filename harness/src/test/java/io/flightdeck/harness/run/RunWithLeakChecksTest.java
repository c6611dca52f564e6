package io.flightdeck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.runner.RunListener;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.api.Scale;
import io.flightdeck.child.workload.WorkloadRegistry;
import io.flightdeck.harness.TestTags;

/**
 * A run with measured workloads and leak checks after them, as the nightly suite does: both land in one report, the
 * checks in their own folder, and the leak limits never show up as plain budgets.
 */
@Tag(TestTags.JDK_NEUTRAL)
class RunWithLeakChecksTest {

    @TempDir
    Path dir;

    @Test
    void measuredWorkloadsAndLeakChecksShareOneReport() throws Exception {
        WorkloadRegistry registry = WorkloadRegistry.load();
        Suite suite = new Suite("nightly-like", "test", Scale.SMALL, 0, 1, 3, 200, 1, "512m", 300,
                List.of("test-sum"), List.of("test-steady"));
        RunPlan plan = new RunPlan("t", dir, suite, List.of(registry.find("test-sum").orElseThrow()),
                Map.of(), 42, "-XX:+UseG1GC", true, "profile", false);
        // six seconds are enough to show where a check lands, not to judge a leak: a young JVM's heap still settles,
        // so the limits here are far above that and the verdict stays a test of the plumbing; LeakCheckCommandTest
        // and LeakJudgeTest test the judging
        LeakCheckPlan checks = new LeakCheckPlan(List.of(registry.find("test-steady").orElseThrow()), 6, 1_000,
                4_096.0, 4.0 * 1024 * 1024);

        RunReport report = new ProfilingRun().execute(plan, checks, Budgets.defaults(), List.of(),
                new RunListener() {
                });

        assertThat(report.workloads()).extracting(w -> w.name()).containsExactly("test-sum");
        assertThat(report.leakChecks()).extracting(LeakCheckReport::workload).containsExactly("test-steady");
        assertThat(report.leakChecks().get(0).verdict()).as(report.leakChecks().get(0).reason())
                .isEqualTo(LeakCheckReport.PASSED);
        assertThat(report.verdict()).isEqualTo(RunReport.PASSED);
        assertThat(report.settings().leakChecks().durationSeconds()).isEqualTo(6);
        assertThat(report.budgets()).noneMatch(v -> v.metric().startsWith("leak-"));
        assertThat(dir.resolve("leak-check/test-steady/recording.jfr")).isRegularFile();
        assertThat(dir.resolve("test-sum/recording.jfr")).isRegularFile();
        assertThat(Files.readString(dir.resolve("report.md"))).contains("## Summary", "## Leak checks",
                "1 workloads and 1 leak check(s)");
    }
}
