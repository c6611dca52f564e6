package io.flightdeck.harness.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The flags that make a JVM record as Flightdeck's children do, for the JVMs Flightdeck does not start itself. */
class SamplerFlagsTest {

    private static String recordingFlag(List<String> flags) {
        return flags.stream().filter(f -> f.startsWith("-XX:StartFlightRecording")).findFirst().orElseThrow();
    }

    @Test
    void aJmhForkKeepsOldObjectsWithoutStacksOverTheProfileSettingsOnly() {
        assertThat(recordingFlag(SamplerFlags.recordingFlags("r.jfr", "r.async-profiler.jfr", "profile", false, true,
                SamplerDecision.JFR))).contains("jdk.OldObjectSample#stackTrace=false");
        // a settings file of the user's says what it says; a leak's path to its roots needs the stacks
        assertThat(recordingFlag(SamplerFlags.recordingFlags("r.jfr", "r.async-profiler.jfr", "my.jfc", false, true,
                SamplerDecision.JFR))).doesNotContain("OldObjectSample");
        assertThat(recordingFlag(SamplerFlags.recordingFlags("r.jfr", "r.async-profiler.jfr", "profile", true, true,
                SamplerDecision.JFR))).contains("path-to-gc-roots=true").doesNotContain("OldObjectSample");
    }

    @Test
    void aProfiledProgramKeepsTheStacks() {
        assertThat(recordingFlag(SamplerFlags.recordingFlags(Path.of("r.jfr"), "profile", false, SamplerDecision.JFR)))
                .doesNotContain("OldObjectSample");
    }

    @Test
    void wallClockSamplesJoinTheAgentsCpuSampling() {
        SamplerDecision ap = new SamplerDecision(Sampler.AUTO, Sampler.ASYNC_PROFILER, null, false, Path.of("lib.so"))
                .withIntervals(SamplingIntervals.DEFAULTS.withWallNanos(SamplingIntervals.PROFILE_WALL_NANOS));
        assertThat(SamplerFlags.recordingFlags(Path.of("r.jfr"), "profile", false, ap))
                .anyMatch(f -> f.startsWith("-agentpath:") && f.contains("event=cpu,interval=10ms,wall=50ms,"));
        assertThat(ap.intervals().describe(true))
                .isEqualTo("CPU every 10 ms, wall clock every 50 ms, allocation every 512 KiB or wider (at most 200 a second)");
    }
}
