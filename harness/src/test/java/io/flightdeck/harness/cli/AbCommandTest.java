package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.api.Workload;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.TestTags;

/**
 * {@code flightdeck ab} on a project of its own: a git repository whose one workload does a fixed amount of
 * arithmetic {@code SPEED} times, built by javac. The base commit has SPEED 1; the working tree 2 (a planted
 * slowdown of +100 %) or 1 (unchanged). Both sides run interleaved on this machine, so a busy machine slows both:
 * the verdicts hold beside a CPU hog (docs/testing.md).
 */
@Tag(TestTags.JDK_NEUTRAL)
class AbCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSlowerWorkingTreeIsCalledRegressedOnceEveryMetricIsDecided() throws Exception {
        Path repo = project(1);
        source(repo, 2);
        Path out = dir.resolve("out");
        CommandLineRunner r = ab(repo, out, "--max-time", "5m");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        JsonNode report = Json.mapper().readTree(out.resolve("ab.json").toFile());
        assertThat(report.get("verdict").asText()).as(r.out() + r.err()).isEqualTo("REGRESSED");
        assertThat(report.get("stopReason").asText()).isEqualTo("ALL_DECIDED");
        assertThat(report.get("head").get("workingTree").asBoolean()).isTrue();
        // the first metric whose whole interval passed the limit stopped the rounds; it says by how much
        JsonNode regressed = null;
        for (JsonNode m : report.get("workloads").get(0).get("cases").get(0).get("metrics")) {
            regressed = regressed == null && m.get("verdict").asText().equals("REGRESSED") ? m : regressed;
        }
        assertThat(regressed).as(r.out()).isNotNull();
        assertThat(regressed.get("metric").asText()).isIn("mean", "p50", "p90", "p99");
        // twice the arithmetic: +100 % as written; the JIT unrolls a loop of another constant bound its own way, and
        // a fresh-clone CI run read +159 %
        assertThat(regressed.get("change").asDouble()).isBetween(0.5, 3.0);
        assertThat(regressed.get("lower").asDouble()).isGreaterThan(0.10);
        // every metric held to its share of 5 %: no round short of what that share needs can decide
        assertThat(report.get("rounds").asInt()).isGreaterThanOrEqualTo(11);
        assertThat(r.out()).contains("REGRESSED: ab-spin").contains("round 11");
        assertThat(Files.readString(out.resolve("ab.md"))).contains("| ab-spin | size=20000 | mean |");
    }

    @Test
    void anUnchangedWorkingTreeIsNotCalledRegressedAndTheBaseBuildIsReused() throws Exception {
        Path repo = project(1);
        Path home = dir.resolve("home");
        // a first call that stops on its bad --case after building both sides: the base's build is then cached
        CommandLineRunner bad = CommandLineRunner.run(args(repo, dir.resolve("bad"), home, "--case", "size=3"));
        bad.assertUsage("--case: ab-spin has none of [size=3]; its cases at scale small: size=20000");
        assertThat(bad.out()).contains("building base");

        Path out = dir.resolve("out");
        CommandLineRunner r = CommandLineRunner.run(args(repo, out, home, "--max-time", "75s"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).doesNotContain("building base");
        JsonNode report = Json.mapper().readTree(out.resolve("ab.json").toFile());
        assertThat(report.get("verdict").asText()).isIn("NO_CHANGE", "IMPROVED", "INCONCLUSIVE");
        assertThat(report.get("base").get("cachedBuild").asBoolean()).isTrue();
        assertThat(report.get("falseAlarmLevel").asDouble()).isEqualTo(0.05);
    }

    @Test
    void aDuetPinsEachSidesForkToHalfOfTheCpus() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        org.junit.jupiter.api.Assumptions.assumeTrue(cpus >= 2, "a duet needs two CPUs");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("taskset", "-c", "0", "true").start()
                .waitFor() == 0, "a duet needs taskset");
        Path repo = project(1);
        Path out = dir.resolve("out");
        CommandLineRunner r = ab(repo, out, "--duet", "--max-rounds", "2");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("duet: both forks of a round at once, on CPUs ");
        JsonNode report = Json.mapper().readTree(out.resolve("ab.json").toFile());
        assertThat(report.get("settings").get("duet").asBoolean()).isTrue();
        assertThat(report.get("rounds").asInt()).isEqualTo(2);
        for (String side : List.of("base", "head")) {
            JsonNode result = Json.mapper().readTree(out.resolve(side + "/ab-spin/result.json").toFile());
            JsonNode metric = result.get("cases").get(0).get("metrics").get(0);
            assertThat(metric.get("name").asText()).isEqualTo("cpus");
            // the halves are drawn at random for the sides each round: either one
            assertThat(metric.get("value").asInt()).as(side).isIn(cpus / 2, cpus - cpus / 2).isLessThan(cpus);
        }
    }

    @Test
    void aBaseThatIsNoCommitOrABuildThatFailsIsBadInputWithOneLine() throws Exception {
        Path repo = project(1);
        CommandLineRunner.run("ab", "--repo", repo.toString(), "--base", "no-such-branch", "--home",
                dir.resolve("home").toString()).assertUsage("--base no-such-branch: no such commit in ");
        CommandLineRunner failed = CommandLineRunner.run("ab", "--repo", repo.toString(), "--base", "base",
                "--home", dir.resolve("home").toString(), "--build-command", "echo compiling; exit 3", "--classpath",
                "out");
        failed.assertUsage("the build of base (");
        CommandLineRunner.run("ab", "--repo", repo.toString(), "--base", "base", "--build-command", "true")
                .assertUsage("--build-command needs --classpath");
        assertThat(failed.err()).contains("failed (exit 3", ".build.log, ending: compiling");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private CommandLineRunner ab(Path repo, Path out, String... more) throws Exception {
        return CommandLineRunner.run(args(repo, out, dir.resolve("home"), more));
    }

    private static String[] args(Path repo, Path out, Path home, String... more) throws URISyntaxException {
        List<String> a = new ArrayList<>(List.of("ab", "--repo", repo.toString(), "--base", "base", "--home",
                home.toString(), "-o", out.toString(), "--build-command", buildCommand(), "--classpath", "out",
                "--warmup", "1", "--iterations", "3", "--iteration-ms", "100", "--heap", "64m"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** javac of the JDK the build runs with (RevisionBuilds sets JAVA_HOME to this one's). */
    private static String buildCommand() throws URISyntaxException {
        Path api = Path.of(Workload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return "mkdir -p out/META-INF/services && cp services out/META-INF/services/" + Workload.class.getName()
                + " && \"$JAVA_HOME/bin/javac\" --release 17 -cp '" + api + "' -d out src/SpinWorkload.java";
    }

    /** A git repository with the workload at {@code speed}, committed and tagged "base". */
    private Path project(int speed) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("services"), "abproject.SpinWorkload\n");
        Files.writeString(repo.resolve(".gitignore"), "out/\n");
        source(repo, speed);
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-q", "-m", "base");
        git(repo, "tag", "base");
        return repo;
    }

    private static void source(Path repo, int speed) throws IOException {
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("src/SpinWorkload.java"), """
                package abproject;

                import java.util.List;
                import io.flightdeck.api.*;

                public final class SpinWorkload implements Workload {
                    static final int SPEED = %d;

                    public String name() { return "ab-spin"; }

                    public String description() { return "test: 20,000 steps of arithmetic, SPEED times"; }

                    public List<WorkloadCase> cases(Scale scale) { return List.of(WorkloadCase.ofSize(20_000)); }

                    public Session open(WorkloadContext context, WorkloadCase c) {
                        return new Session() {
                            private long state = context.seed();

                            public Object operation(int thread) {
                                long s = state;
                                for (int i = 0; i < 20_000 * SPEED; i++) {
                                    s = s * 6364136223846793005L + 1442695040888963407L;
                                }
                                state = s;
                                return new long[] {s};
                            }

                            public void report(MetricSink sink) {
                                sink.metric("cpus", Runtime.getRuntime().availableProcessors(), "");
                            }
                        };
                    }
                }
                """.formatted(speed));
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
