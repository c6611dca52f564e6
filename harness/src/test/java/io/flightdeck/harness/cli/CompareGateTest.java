package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.compare.SyntheticRuns;
import io.flightdeck.harness.report.RunReport;

/**
 * {@code compare} on saved report.json files of made-up runs: which side's busy machine spoils the verdict,
 * {@code --busy-cores}, {@code --fail-on} and their bad values. Nothing here runs a workload.
 */
class CompareGateTest {

    @TempDir
    static Path dir;
    static String quietFast;
    static String busyFast;
    static String quietSlow;
    static String busySlow;

    @BeforeAll
    static void reports() throws Exception {
        quietFast = write("quiet-fast", SyntheticRuns.run(1_000, 0.05));
        busyFast = write("busy-fast", SyntheticRuns.run(1_000, 0.8));
        quietSlow = write("quiet-slow", SyntheticRuns.run(1_300, 0.05));
        busySlow = write("busy-slow", SyntheticRuns.run(1_300, 0.8));
    }

    static String write(String name, RunReport r) throws Exception {
        Path file = dir.resolve(name + ".json");
        Json.mapper().writeValue(file.toFile(), r);
        return file.toString();
    }

    static CommandLineRunner compare(String out, String baseline, String current, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "compare";
        args[1] = baseline;
        args[2] = current;
        args[3] = "--out";
        args[4] = dir.resolve(out).toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return CommandLineRunner.run(args);
    }

    static RunComparison written(String out) throws Exception {
        return Json.mapper().readValue(dir.resolve(out).resolve("comparison.json").toFile(), RunComparison.class);
    }

    @Test
    void aSlowdownOnABusyCurrentRunIsInconclusiveAndPassesByDefault() throws Exception {
        CommandLineRunner r = compare("busy-current", quietFast, busySlow);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        RunComparison c = written("busy-current");
        assertThat(c.verdict()).isEqualTo(RunComparison.INCONCLUSIVE);
        assertThat(c.current().meanOtherCpuCores()).isEqualTo(0.8);
        assertThat(r.out()).contains("baseline: quiet (0.05 cores of other load", "this run: busy (0.80 cores");
        assertThat(java.nio.file.Files.readString(dir.resolve("busy-current").resolve("comparison.md")))
                .contains("Machine load: baseline: quiet");
        assertThat(java.nio.file.Files.readString(dir.resolve("busy-current").resolve("comparison.html")))
                .contains("Machine load: baseline: quiet");
    }

    @Test
    void failOnInconclusiveFailsTheSameComparison() throws Exception {
        CommandLineRunner r = compare("fail-on", quietFast, busySlow, "--fail-on", "inconclusive");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(written("fail-on").exitCode()).isEqualTo(1);
        CommandLineRunner regression = compare("fail-on-regression", quietFast, busySlow, "--fail-on", "regression");
        assertThat(regression.exitCode()).as(regression.out() + regression.err()).isZero();
    }

    @Test
    void failOnInconclusiveLeavesAConclusiveComparisonAlone() {
        CommandLineRunner same = compare("same", quietFast, quietFast, "--fail-on", "inconclusive");
        assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
    }

    @Test
    void aSlowdownAgainstABusyBaselineStillFails() throws Exception {
        CommandLineRunner r = compare("busy-baseline", busyFast, quietSlow);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(written("busy-baseline").verdict()).isEqualTo(RunComparison.REGRESSED);
    }

    @Test
    void busyCoresAboveTheLoadMakesTheSlowdownARegression() throws Exception {
        CommandLineRunner r = compare("lenient", quietFast, busySlow, "--busy-cores", "1");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        RunComparison c = written("lenient");
        assertThat(c.verdict()).isEqualTo(RunComparison.REGRESSED);
        assertThat(c.thresholds().busyCores()).isEqualTo(1.0);
    }

    @Test
    void badValuesExitTwoWithOneLine() {
        compare("bad1", quietFast, busySlow, "--busy-cores", "0").assertUsage("--busy-cores '0'");
        compare("bad2", quietFast, busySlow, "--busy-cores", "lots").assertUsage("--busy-cores 'lots'");
        compare("bad3", quietFast, busySlow, "--busy-cores", "-1").assertUsage("--busy-cores");
        compare("bad4", quietFast, busySlow, "--fail-on", "doubt").assertUsage("--fail-on 'doubt': use regression or inconclusive");
        CommandLineRunner.run("run", "--busy-cores", "0").assertUsage("--busy-cores '0'");
        CommandLineRunner.run("run", "--fail-on", "maybe").assertUsage("--fail-on 'maybe'");
        CommandLineRunner.run("jmh", "--busy-cores", "x").assertUsage("--busy-cores 'x'");
        CommandLineRunner.run("jmh", "--fail-on", "x").assertUsage("--fail-on 'x'");
    }
}
