package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.report.ForkReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.RunSettings;

/**
 * Real runs of a tiny workload with each sampler: the children's flags, one recording per child that the JDK's
 * parser reads with the sampler's events in it, and the settings the report states.
 */
class SamplerRunTest {

    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path dir;

    private CommandLineRunner run(String... extra) {
        String[] base = {"run", "-w", "test-sum", "--forks", "1", "--warmup", "0", "--iterations", "2",
                "--iteration-ms", "50", "--heap", "128m", "--no-history",
                "--home", dir.resolve("home").toString(), "--out", dir.resolve("run").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CommandLineRunner r = CommandLineRunner.run(args);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return r;
    }

    private RunReport report() throws Exception {
        return Json.mapper().readValue(dir.resolve("run/report.json").toFile(), RunReport.class);
    }

    /** Events by type name, as the JDK's parser reads every chunk of the file. */
    static Map<String, Integer> events(Path recording) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (RecordingFile f = new RecordingFile(recording)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                counts.merge(e.getEventType().getName(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The names of the recordings a file says were active (async-profiler's chunk names itself). */
    static java.util.Set<String> recordingNames(Path recording) throws Exception {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (RecordingFile f = new RecordingFile(recording)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                if (e.getEventType().getName().equals("jdk.ActiveRecording")) {
                    names.add(e.getString("name"));
                }
            }
        }
        return names;
    }

    @Test
    void autoTakesAsyncProfilerAndLeavesOneRecordingThatHoldsBoth() throws Exception {
        CommandLineRunner r = run();
        RunReport report = report();
        RunSettings.ChildSettings c = report.settings().children();
        assertThat(c.samplerAsked()).isEqualTo("auto");
        assertThat(c.samplerUsed()).as(r.err()).isEqualTo("async-profiler");
        assertThat(c.samplerReason()).isNull();
        assertThat(r.out()).contains("Children: sampler async-profiler (auto)");
        assertThat(r.err()).doesNotContain("warning");

        ForkReport fork = report.workloads().get(0).forks().get(0);
        assertThat(fork.command()).contains("-XX:+DebugNonSafepoints").anyMatch(a -> a.startsWith("-agentpath:"));
        Path w = dir.resolve("run/test-sum");
        try (var files = Files.list(w)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("recording.jfr")
                    .noneMatch(n -> n.contains("async-profiler")); // appended, then deleted
        }
        Map<String, Integer> events = events(w.resolve("recording.jfr"));
        assertThat(events).containsKey("jdk.GCHeapSummary"); // the JDK's chunk
        assertThat(events.get("jdk.ExecutionSample")).as(events.toString()).isPositive(); // the agent's only
        assertThat(events).doesNotContainKey("jdk.NativeMethodSample");
        assertThat(recordingNames(w.resolve("recording.jfr"))).contains("flightdeck")
                .anyMatch(n -> n.startsWith("async-profiler"));
        assertThat(w.resolve("analysis.json")).isRegularFile(); // the analyzer read the merged file
        assertThat(Files.readString(dir.resolve("run/report.html"))).contains("async-profiler");
    }

    @Test
    void sparserIntervalsReachTheAgentTheReportAndTheAnalysis() throws Exception {
        CommandLineRunner r = run("--cpu-interval", "20ms", "--alloc-interval", "8MiB", "--wall-interval", "25ms");
        RunSettings.ChildSettings c = report().settings().children();
        assumeTrue("async-profiler".equals(c.samplerUsed()), "async-profiler did not load here: " + r.err());
        assertThat(c.samplerEvery()).isEqualTo("CPU every 20 ms, wall clock every 25 ms, allocation every 8 MiB");
        assertThat(r.out()).contains("Children: sampler async-profiler (auto), CPU every 20 ms, wall clock every 25 ms, "
                + "allocation every 8 MiB");
        ForkReport fork = report().workloads().get(0).forks().get(0);
        assertThat(fork.command()).anyMatch(a -> a.startsWith("-agentpath:")
                && a.contains(",interval=20ms,wall=25ms,alloc=8388608,"));
        // the thread states come from the wall-clock samples, each standing for 25 ms, as the recording says
        var analysis = Json.mapper().readTree(dir.resolve("run/test-sum/analysis.json").toFile());
        assertThat(analysis.at("/threads/source").asText()).contains("profiler.WallClockSample");
        assertThat(analysis.at("/threads/sampleNanos/profiler.WallClockSample").asLong()).isEqualTo(25_000_000L);
    }

    @Test
    void anAllocationIntervalWithJfrIsWarnedOfAndNotClaimed() throws Exception {
        CommandLineRunner r = run("--sampler", "jfr", "--cpu-interval", "20ms", "--alloc-interval", "8MiB");
        assertThat(r.err()).contains("warning: --alloc-interval is for async-profiler's allocation sampler");
        RunSettings.ChildSettings c = report().settings().children();
        assertThat(c.samplerEvery()).isEqualTo("CPU every 20 ms"); // JFR samples allocation by rate
        ForkReport fork = report().workloads().get(0).forks().get(0);
        assertThat(fork.command()).anyMatch(a -> a.contains("jdk.ExecutionSample#period=20ms"));
    }

    @Test
    void jfrAskedKeepsJfrsOwnSamples() throws Exception {
        CommandLineRunner r = run("--sampler", "jfr");
        RunSettings.ChildSettings c = report().settings().children();
        assertThat(c.samplerUsed()).isEqualTo("jfr");
        assertThat(r.out()).contains("Children: sampler jfr,");
        ForkReport fork = report().workloads().get(0).forks().get(0);
        assertThat(fork.command()).contains("-XX:+DebugNonSafepoints").noneMatch(a -> a.startsWith("-agentpath:"));
        assertThat(recordingNames(dir.resolve("run/test-sum/recording.jfr"))).containsExactly("flightdeck");
    }

    @Test
    void jdk17CommandRunsJdk25ChildrenWithTheUsersFlags() throws Exception {
        assumeTrue(Files.isExecutable(JDK25), "JDK 25 at " + JDK25);
        assumeTrue(Runtime.version().feature() < 25, "the command itself runs on JDK 25: its children's JDK is not another");
        CommandLineRunner r = run("--java", JDK25.toString(), "--sampler", "jfr-cpu-time",
                "--jvm-args", "-Dflightdeck.test.flag='a b'  -XX:+AlwaysPreTouch");
        RunReport report = report();
        RunSettings.ChildSettings c = report.settings().children();
        assertThat(c.java()).isEqualTo(JDK25.toString());
        assertThat(c.javaVersion()).startsWith("25");
        assertThat(c.samplerUsed()).isEqualTo("jfr-cpu-time");
        assertThat(c.jvmArgs()).containsExactly("-Dflightdeck.test.flag=a b", "-XX:+AlwaysPreTouch");
        assertThat(r.out()).contains("java 25", JDK25.toString());

        ForkReport fork = report.workloads().get(0).forks().get(0);
        assertThat(fork.jvm().version()).startsWith("25"); // what the child itself said
        assertThat(fork.jvm().inputArguments()).contains("-Dflightdeck.test.flag=a b", "-XX:+AlwaysPreTouch",
                "--enable-native-access=ALL-UNNAMED");
        assertThat(events(dir.resolve("run/test-sum/recording.jfr")).get("jdk.CPUTimeSample")).isPositive();

        // a baseline from JDK 17 children is another environment
        assertThat(report.environment().childJava().version()).startsWith("25");
        assertThat(report.environment().fingerprint())
                .isNotEqualTo(report.environment().withChildJava(null).fingerprint());
    }

    @Test
    void badChildOptionsAreUsageErrors() {
        CommandLineRunner.run("run", "-w", "test-sum", "--java", dir.resolve("no-java").toString(), "--no-history")
                .assertUsage("--java");
        CommandLineRunner.run("run", "-w", "test-sum", "--sampler", "perf", "--no-history").assertUsage("--sampler");
        CommandLineRunner.run("run", "-w", "test-sum", "--jvm-args", "-Dx='open", "--no-history")
                .assertUsage("unbalanced quotes");
        CommandLineRunner.run("leak-check", "-w", "test-sum", "--java", dir.toString(), "--no-history")
                .assertUsage("--java");
        CommandLineRunner.run("run", "-w", "test-sum", "--cpu-interval", "5h", "--no-history")
                .assertUsage("--cpu-interval");
        CommandLineRunner.run("run", "-w", "test-sum", "--cpu-interval", "0.1ms", "--no-history")
                .assertUsage("--cpu-interval '0.1ms': from 1ms to 1s");
        CommandLineRunner.run("run", "-w", "test-sum", "--alloc-interval", "100B", "--no-history")
                .assertUsage("--alloc-interval '100B': from 1KiB to 1GiB");
        CommandLineRunner.run("run", "-w", "test-sum", "--alloc-interval", "8 parsecs", "--no-history")
                .assertUsage("--alloc-interval");
        CommandLineRunner.run("profile", "--alloc-interval", "20ms", "--", "java", "-version")
                .assertUsage("--alloc-interval '20ms': use a size");
        CommandLineRunner.run("run", "-w", "test-sum", "--wall-interval", "0.5ms", "--no-history")
                .assertUsage("--wall-interval '0.5ms': from 1ms to 1s, or off");
        CommandLineRunner.run("profile", "--wall-interval", "never", "--", "java", "-version")
                .assertUsage("--wall-interval");
    }
}
