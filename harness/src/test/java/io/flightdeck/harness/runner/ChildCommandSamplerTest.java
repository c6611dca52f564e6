package io.flightdeck.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.flightdeck.harness.sampler.ChildJava;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.sampler.Sampler;
import io.flightdeck.harness.sampler.SamplerDecision;
import io.flightdeck.harness.sampler.SamplingIntervals;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.api.Scale;

/** The child's flags for each sampler and the children's JDK version (which may not be this JVM's). */
class ChildCommandSamplerTest {

    private static final Path LIB = Path.of("/cache/libasyncProfiler.so");
    private static final Path RECORDING = Path.of("/run/w/recording.jfr");
    private static final ChildJava JDK17 = new ChildJava(Path.of("/jdk17/bin/java"), 17, "17.0.15", "v", "/jdk17",
            false);
    private static final ChildJava JDK25 = new ChildJava(Path.of("/jdk25/bin/java"), 25, "25.0.1", "v", "/jdk25",
            true);

    private static List<String> command(ChildJava java, SamplerDecision sampler, boolean jfr, List<String> args) {
        return command(java, sampler, jfr, args, System.getenv());
    }

    private static List<String> command(ChildJava java, SamplerDecision sampler, boolean jfr, List<String> args,
                                        Map<String, String> env) {
        Suite s = new Suite("t", "t", Scale.SMALL, 0, 0, 1, 10, 1, "64m", 60, List.of(), List.of());
        RunPlan plan = new RunPlan("r", Path.of("/run"), s, List.of(), Map.of(), 1, "-XX:+UseSerialGC", jfr,
                "profile", false, new ChildJvm(java, args, sampler));
        return ChildCommand.build(plan, Path.of("/run/w/spec.json"), RECORDING, env);
    }

    private static String recordingFlag(List<String> cmd) {
        return cmd.stream().filter(a -> a.startsWith("-XX:StartFlightRecording")).findFirst().orElseThrow();
    }

    @Test
    void asyncProfilerReplacesJfrsOwnCpuSamples() {
        SamplerDecision ap = new SamplerDecision(Sampler.AUTO, Sampler.ASYNC_PROFILER, null, false, LIB);
        List<String> cmd = command(JDK17, ap, true, List.of());
        assertThat(cmd.get(0)).isEqualTo("/jdk17/bin/java");
        assertThat(cmd).contains("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
                "-agentpath:" + LIB + "=start,event=cpu,interval=10ms,alloc,loglevel=warn,file="
                        + Path.of("/run/w/recording.async-profiler.jfr"));
        assertThat(recordingFlag(cmd)).contains("filename=" + RECORDING,
                "jdk.ExecutionSample#enabled=false", "jdk.NativeMethodSample#enabled=false",
                "jdk.ObjectAllocationSample#enabled=false");
        assertThat(cmd).doesNotContain("--enable-native-access=ALL-UNNAMED");
        // at the default interval the child paces the allocation sampler, resuming the agent as it was started
        assertThat(cmd).contains("-Dflightdeck.allocPacing=524288/" + SamplingIntervals.PACED_SAMPLES_PER_SECOND,
                "-Dflightdeck.allocPacing.agent=event=cpu,interval=10ms,loglevel=warn,file="
                        + Path.of("/run/w/recording.async-profiler.jfr"));
    }

    @Test
    void aGivenAllocationIntervalOrAnotherSamplerIsNotPaced() {
        SamplerDecision given = new SamplerDecision(Sampler.AUTO, Sampler.ASYNC_PROFILER, null, false, LIB)
                .withIntervals(SamplingIntervals.DEFAULTS.withAllocBytes(SamplingIntervals.DEFAULT_ALLOC_BYTES));
        assertThat(command(JDK17, given, true, List.of())).noneMatch(a -> a.startsWith("-Dflightdeck.allocPacing"));
        assertThat(command(JDK17, SamplerDecision.JFR, true, List.of()))
                .noneMatch(a -> a.startsWith("-Dflightdeck.allocPacing"));
        SamplerDecision slower = new SamplerDecision(Sampler.AUTO, Sampler.ASYNC_PROFILER, null, false, LIB)
                .withIntervals(SamplingIntervals.DEFAULTS.withCpuNanos(20_000_000L));
        assertThat(command(JDK17, slower, true, List.of())).contains(
                "-Dflightdeck.allocPacing.agent=event=cpu,interval=20ms,loglevel=warn,file="
                        + Path.of("/run/w/recording.async-profiler.jfr"));
        assertThat(slower.describe()).isEqualTo(
                "async-profiler (auto), CPU every 20 ms, allocation every 512 KiB or wider (at most 200 a second)");
        assertThat(slower.withoutPacing().describe()).isEqualTo(
                "async-profiler (auto), CPU every 20 ms, allocation every 512 KiB");
    }

    @Test
    void aRunKeepsOldObjectSamplesWithoutStacksALeakCheckWithThem() {
        Suite s = new Suite("t", "t", Scale.SMALL, 0, 0, 1, 10, 1, "64m", 60, List.of(), List.of());
        ChildJvm child = new ChildJvm(JDK17, List.of(), SamplerDecision.JFR);
        Path spec = Path.of("/run/w/spec.json");
        String run = recordingFlag(ChildCommand.build(new RunPlan("r", Path.of("/run"), s, List.of(), Map.of(), 1,
                "-XX:+UseSerialGC", true, "profile", false, child), spec, RECORDING, Map.of()));
        String leakCheck = recordingFlag(ChildCommand.build(new RunPlan("r", Path.of("/run"), s, List.of(), Map.of(),
                1, "-XX:+UseSerialGC", true, "profile", true, child), spec, RECORDING, Map.of()));
        String ownSettings = recordingFlag(ChildCommand.build(new RunPlan("r", Path.of("/run"), s, List.of(),
                Map.of(), 1, "-XX:+UseSerialGC", true, "/my/settings.jfc", false, child), spec, RECORDING, Map.of()));
        assertThat(run).contains("jdk.OldObjectSample#stackTrace=false").doesNotContain("path-to-gc-roots");
        assertThat(leakCheck).contains("path-to-gc-roots=true").doesNotContain("OldObjectSample");
        assertThat(ownSettings).doesNotContain("OldObjectSample");
    }

    @Test
    void theCpuTimeSamplerOnJdk25() {
        SamplerDecision cpuTime = new SamplerDecision(Sampler.JFR_CPU_TIME, Sampler.JFR_CPU_TIME, null, false, null);
        List<String> cmd = command(JDK25, cpuTime, true, List.of());
        assertThat(cmd.get(0)).isEqualTo("/jdk25/bin/java");
        assertThat(recordingFlag(cmd)).contains("jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=10ms")
                .doesNotContain("#enabled=false");
        assertThat(cmd).contains("-XX:+DebugNonSafepoints", "--enable-native-access=ALL-UNNAMED")
                .noneMatch(a -> a.startsWith("-agentpath"));
    }

    @Test
    void otherIntervalsReachEachSampler() {
        SamplingIntervals sparse = new SamplingIntervals(20_000_000L, 8L * 1024 * 1024);
        SamplerDecision ap = new SamplerDecision(Sampler.AUTO, Sampler.ASYNC_PROFILER, null, false, LIB)
                .withIntervals(sparse);
        assertThat(command(JDK17, ap, true, List.of())).anyMatch(a -> a.startsWith("-agentpath:")
                && a.contains("=start,event=cpu,interval=20ms,alloc=8388608,loglevel=warn,"));
        SamplerDecision cpuTime = new SamplerDecision(Sampler.JFR_CPU_TIME, Sampler.JFR_CPU_TIME, null, false, null)
                .withIntervals(sparse);
        assertThat(recordingFlag(command(JDK25, cpuTime, true, List.of()))).contains("jdk.CPUTimeSample#throttle=20ms");
        // JFR's own: the execution sampler's period, the native one's at twice it (as its profile settings)
        assertThat(recordingFlag(command(JDK17, SamplerDecision.JFR.withIntervals(sparse), true, List.of())))
                .contains("jdk.ExecutionSample#period=20ms", "jdk.NativeMethodSample#period=40ms");
        assertThat(ap.describe()).isEqualTo("async-profiler (auto), CPU every 20 ms, allocation every 8 MiB");
    }

    @Test
    void jfrsOwnSamplesStayOn() {
        List<String> cmd = command(JDK17, SamplerDecision.JFR, true, List.of());
        // the period stated even at the profile settings' own 10 ms: other settings have periods of their own
        assertThat(recordingFlag(cmd)).doesNotContain("#enabled", "CPUTimeSample")
                .contains("jdk.ExecutionSample#period=10ms", "jdk.NativeMethodSample#period=20ms");
        assertThat(cmd).contains("-XX:+DebugNonSafepoints").noneMatch(a -> a.startsWith("-agentpath"));
    }

    @Test
    void withoutARecordingThereIsNoSampler() {
        SamplerDecision ap = new SamplerDecision(Sampler.AUTO, Sampler.ASYNC_PROFILER, null, false, LIB);
        List<String> cmd = command(JDK17, ap, false, List.of());
        assertThat(cmd).noneMatch(a -> a.startsWith("-agentpath") || a.startsWith("-XX:StartFlightRecording"))
                .doesNotContain("-XX:+DebugNonSafepoints");
    }

    @Test
    void theUsersFlagsComeAfterOursSoTheyWin() {
        List<String> cmd = command(JDK17, SamplerDecision.JFR, true, List.of("-XX:-DebugNonSafepoints", "-Da=b c"));
        assertThat(cmd.indexOf("-XX:-DebugNonSafepoints")).isGreaterThan(cmd.indexOf("-XX:+DebugNonSafepoints"));
        assertThat(cmd.indexOf("-Da=b c")).isLessThan(cmd.indexOf("-cp"));
    }

    @Test
    void theHeapIsTouchedBeforeMeasurementUnlessTheUserSaysNo() {
        assertThat(ChildCommand.preTouch(Map.of())).isTrue();
        assertThat(ChildCommand.preTouch(Map.of("FLIGHTDECK_PRE_TOUCH", "yes"))).isTrue();
        assertThat(ChildCommand.preTouch(Map.of("FLIGHTDECK_PRE_TOUCH", " False "))).isFalse();
        List<String> ours = command(JDK17, SamplerDecision.JFR, false, List.of(), Map.of());
        assertThat(ours).contains("-XX:+AlwaysPreTouch");
        assertThat(ours.indexOf("-XX:+AlwaysPreTouch")).isLessThan(ours.indexOf("-cp"));

        List<String> declined = command(JDK17, SamplerDecision.JFR, false, List.of("-XX:-AlwaysPreTouch"), Map.of());
        assertThat(declined.lastIndexOf("-XX:-AlwaysPreTouch")).isGreaterThan(declined.indexOf("-XX:+AlwaysPreTouch"));

        assertThat(command(JDK17, SamplerDecision.JFR, false, List.of(), Map.of("FLIGHTDECK_PRE_TOUCH", "false")))
                .doesNotContain("-XX:+AlwaysPreTouch");
    }
}
