package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.testprograms.ProfiledProgram;

/**
 * {@code flightdeck profile -- java …} end to end, as a user runs it: Flightdeck in its own JVM (the program's
 * output passes through to the terminal, so it is read from Flightdeck's), a program of our own on JDK 17 and on
 * JDK 25.
 */
class ProfileCommandTest {

    static final Path JDK25 = SamplerRunTest.JDK25;

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    /** {@code flightdeck profile ARGS} in a JVM of its own, with this test's class path. */
    private Result flightdeck(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Flightdeck.class.getName(), "profile"));
        cmd.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("FLIGHTDECK_HOME", dir.resolve("home").toString()); // the agent's cache
        Process p = builder.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private List<String> program(String java, String exitCode) {
        return List.of(java, "-cp", System.getProperty("java.class.path"), ProfiledProgram.class.getName(), exitCode);
    }

    @Test
    void aJdk17ProgramIsRecordedAndAnalysedAndItsExitCodeReported() throws Exception {
        Path out = dir.resolve("p17");
        List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--gc-roots", "--"));
        args.addAll(program(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "3"));
        Result r = flightdeck(args);

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.CHECK_FAILED); // the program's 3
        assertThat(r.out()).contains(ProfiledProgram.STDOUT_LINE, "the program exited with code 3",
                "Hot methods").doesNotContain("Started recording"); // passed through, and JFR kept quiet
        assertThat(r.err()).contains(ProfiledProgram.STDERR_LINE);

        JsonNode profile = Json.mapper().readTree(out.resolve(ProfileCommand.PROFILE_JSON).toFile());
        assertThat(profile.get("exitCode").asInt()).isEqualTo(3);
        assertThat(profile.get("samplerUsed").asText()).isEqualTo("async-profiler");
        assertThat(profile.get("profiledCommand").toString()).contains("path-to-gc-roots=true",
                "-XX:+DebugNonSafepoints");
        Map<String, Integer> events = SamplerRunTest.events(out.resolve(ProfileCommand.RECORDING));
        assertThat(events.get("jdk.ExecutionSample")).as(events.toString()).isPositive();
        assertThat(events).containsKey("jdk.ObjectAllocationInNewTLAB"); // the agent's allocation samples
        assertThat(SamplerRunTest.recordingNames(out.resolve(ProfileCommand.RECORDING))).contains("flightdeck")
                .anyMatch(n -> n.startsWith("async-profiler"));
        Path analysis = out.resolve("recording-analysis");
        assertThat(analysis.resolve("report.html")).isRegularFile();
        assertThat(Files.readString(analysis.resolve("cpu.folded"))).contains("ProfiledProgram.mix");
        // the work ran on the main thread, which async-profiler knows by its last name, DestroyJavaVM
        JsonNode cpuByThread = Json.mapper().readTree(analysis.resolve("analysis.json").toFile()).at("/cpu/byThread");
        assertThat(cpuByThread.findValuesAsText("name")).contains("main").doesNotContain("DestroyJavaVM");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("recording.jfr", "profile.json", "recording-analysis");
        }
    }

    @Test
    void aJdk25ProgramFromAJdk17Command() throws Exception {
        assumeTrue(Files.isExecutable(JDK25), "JDK 25 at " + JDK25);
        Path out = dir.resolve("p25");
        List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--sampler", "jfr-cpu-time", "--"));
        args.addAll(program(JDK25.toString(), "0"));
        Result r = flightdeck(args);

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(ProfiledProgram.STDOUT_LINE, "java 25", "the program exited with code 0");
        JsonNode profile = Json.mapper().readTree(out.resolve(ProfileCommand.PROFILE_JSON).toFile());
        assertThat(profile.get("javaVersion").asText()).startsWith("25");
        assertThat(profile.get("samplerUsed").asText()).isEqualTo("jfr-cpu-time");
        assertThat(SamplerRunTest.events(out.resolve(ProfileCommand.RECORDING)).get("jdk.CPUTimeSample"))
                .isPositive();
        assertThat(out.resolve("recording-analysis/analysis.json")).isRegularFile();
    }

    @Test
    void badCommandsAreUsageErrors() throws Exception {
        long profilesBefore = profiles();
        CommandLineRunner.run("profile", "java", "Main").assertUsage("put the program after --");
        CommandLineRunner.run("profile", "java", "-version").assertUsage("Unknown option: '-version'");
        CommandLineRunner.run("profile", "--").assertUsage("no java command after --");
        CommandLineRunner.run("profile", "--", dir.resolve("no/java").toString(), "Main")
                .assertUsage("no such java executable");
        CommandLineRunner.run("profile", "--", "no-such-java-on-path-xyz", "Main").assertUsage("not on PATH");
        CommandLineRunner.run("profile", "--", "/bin/echo", "hello").assertUsage("not a runnable java");
        CommandLineRunner.run("profile", "--sampler", "perf", "--", "java").assertUsage("--sampler");
        assertThat(profiles()).isEqualTo(profilesBefore); // refused before any folder was made

    }

    private static long profiles() throws IOException {
        if (!Files.isDirectory(ProfileCommand.DEFAULT_PARENT)) {
            return 0;
        }
        try (var folders = Files.list(ProfileCommand.DEFAULT_PARENT)) {
            return folders.count();
        }
    }

    @Test
    void anOutputFolderWithAProfileIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old").resolve(ProfileCommand.RECORDING), "x");
        CommandLineRunner.run("profile", "--out", dir.resolve("old").toString(), "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .assertUsage("holds a profile already");
    }
}
