package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in exit code 2 and one clear line on stderr, before any JVM is started or any file written. */
class UsageErrorsTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownWorkloadExitsTwoWithOneLine() {
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "no-such-workload", "--out", dir.resolve("x").toString());
        assertUsage(r, "unknown workload 'no-such-workload'");
        assertThat(r.err()).contains("episode-creation"); // says what is known
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aMalformedBudgetsFileExitsTwoWithOneLine() throws Exception {
        Path budgets = dir.resolve("budgets.json");
        Files.writeString(budgets, "{ \"schemaVersion\": 1, \"budgets\": [ { \"workload\": \"lifecycle\", ");
        CommandLineRunner r = CommandLineRunner.run("run", "--budgets", budgets.toString());
        assertUsage(r, "budgets.json");
    }

    @Test
    void aBudgetForAnUnknownWorkloadExitsTwo() throws Exception {
        Path budgets = dir.resolve("budgets.json");
        Files.writeString(budgets, """
                { "schemaVersion": 1, "budgets": [ { "workload": "nope", "metric": "p95", "max": "1ms" } ] }""");
        assertUsage(CommandLineRunner.run("run", "--budgets", budgets.toString()), "unknown workload 'nope'");
    }

    @Test
    void aMissingBudgetsFileExitsTwo() {
        assertUsage(CommandLineRunner.run("run", "--budgets", dir.resolve("missing.json").toString()), "missing.json");
    }

    @Test
    void badOptionValuesExitTwo() {
        assertUsage(CommandLineRunner.run("run", "--heap", "lots"), "--heap");
        assertUsage(CommandLineRunner.run("run", "--forks", "0"), "--forks");
        assertUsage(CommandLineRunner.run("run", "--suite", "weekly"), "unknown suite 'weekly'");
        assertUsage(CommandLineRunner.run("run", "--store", "postgres"), "unknown store");
        assertUsage(CommandLineRunner.run("run", "--gc", "Shenandoah2"), "unknown collector");
        assertUsage(CommandLineRunner.run("run", "--iterations", "many"), "--iterations");
        assertUsage(CommandLineRunner.run("run", "--no-such-option"), "no-such-option");
        assertUsage(CommandLineRunner.run("frobnicate"), "frobnicate");
        assertUsage(CommandLineRunner.run("run", "--heap", "1m"), "too small");
        // the nightly suite ends with a leak check, and a leak check reads its recording
        assertUsage(CommandLineRunner.run("run", "--suite", "nightly", "--no-jfr"), "has leak checks");
        assertUsage(CommandLineRunner.run("run", "--heap", "99999999999999999999g"), "larger than any machine");
        assertUsage(CommandLineRunner.run("run", "--heap", "100000g"), "more than this machine's memory");
    }

    @Test
    void anOutFolderWhosePathJfrCannotTakeExitsTwo() {
        assertUsage(CommandLineRunner.run("run", "-w", "test-sum", "--out", dir.resolve("a,b").toString()), "comma");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String cmd : new String[] {"run", "list", "env"}) {
            CommandLineRunner r = CommandLineRunner.run(cmd, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Usage:", cmd);
        }
        CommandLineRunner top = CommandLineRunner.run("--help");
        assertThat(top.out()).contains("run", "list", "env", "Exit codes");
    }

    @Test
    void listShowsWorkloadsAndSuites() {
        CommandLineRunner r = CommandLineRunner.run("list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("episode-creation", "retrieval-scaling", "memory-pressure", "quick", "standard",
                "nightly");
    }

    private static void assertUsage(CommandLineRunner r, String expected) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ");
    }
}
