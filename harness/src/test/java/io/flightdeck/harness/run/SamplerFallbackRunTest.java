package io.flightdeck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.runner.RunListener;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.sampler.ChildJava;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.sampler.Sampler;
import io.flightdeck.harness.sampler.SamplerChooser;
import io.flightdeck.harness.sampler.SamplerDecision;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.api.Scale;
import io.flightdeck.child.workload.WorkloadRegistry;

/** An agent that does not load costs the sampler, never the run: it falls back, and the report says why. */
class SamplerFallbackRunTest {

    @TempDir
    Path dir;

    @Test
    void aCorruptAgentFallsBackAndTheRunPasses() throws Exception {
        Path corrupt = Files.write(dir.resolve("libasyncProfiler.so"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1});
        SamplerDecision decision = SamplerChooser.choose(Sampler.ASYNC_PROFILER, ChildJava.current(), () -> corrupt);
        assertThat(decision.used()).isNotEqualTo(Sampler.ASYNC_PROFILER);

        Suite suite = new Suite("t", "test", Scale.SMALL, 0, 0, 2, 50, 1, "128m", 300, List.of("test-sum"),
                List.of());
        RunPlan plan = new RunPlan("t", dir.resolve("run"), suite,
                List.of(WorkloadRegistry.load().find("test-sum").orElseThrow()), Map.of(), 42,
                "-XX:+UseSerialGC", true, "profile", false,
                new ChildJvm(ChildJava.current(), List.of(), decision));
        RunReport report = new ProfilingRun().execute(plan, LeakCheckPlan.NONE, Budgets.defaults(), List.of(),
                RunListener.SILENT);

        assertThat(report.exitCode()).isZero();
        assertThat(report.settings().children().samplerAsked()).isEqualTo("async-profiler");
        assertThat(report.settings().children().samplerUsed()).isEqualTo(decision.used().id());
        assertThat(report.settings().children().samplerReason()).contains("async-profiler did not load");
        assertThat(dir.resolve("run/test-sum/recording.jfr")).isRegularFile();
        assertThat(Files.readString(dir.resolve("run/report.html"))).contains("async-profiler did not load");
    }
}
