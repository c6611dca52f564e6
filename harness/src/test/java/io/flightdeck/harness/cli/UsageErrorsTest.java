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
        r.assertUsage("unknown workload 'no-such-workload'");
        assertThat(r.err()).contains("test-sum"); // says what is known
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aCaseNoSelectedWorkloadHasExitsTwoNamingTheCases() {
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "--case", "size=3", "--out",
                dir.resolve("x").toString());
        r.assertUsage("--case: test-sum has none of [size=3]; its cases at scale small: size=1000, size=8000");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aMalformedBudgetsFileExitsTwoWithOneLine() throws Exception {
        Path budgets = dir.resolve("budgets.json");
        Files.writeString(budgets, "{ \"schemaVersion\": 1, \"budgets\": [ { \"workload\": \"lifecycle\", ");
        CommandLineRunner r = CommandLineRunner.run("run", "--budgets", budgets.toString());
        r.assertUsage("budgets.json");
    }

    @Test
    void aBudgetForAnUnknownWorkloadExitsTwo() throws Exception {
        Path budgets = dir.resolve("budgets.json");
        Files.writeString(budgets, """
                { "schemaVersion": 1, "budgets": [ { "workload": "nope", "metric": "p95", "max": "1ms" } ] }""");
        CommandLineRunner.run("run", "--budgets", budgets.toString()).assertUsage("unknown workload 'nope'");
    }

    @Test
    void aMissingBudgetsFileExitsTwo() {
        CommandLineRunner.run("run", "--budgets", dir.resolve("missing.json").toString()).assertUsage("missing.json");
    }

    @Test
    void badOptionValuesExitTwo() {
        CommandLineRunner.run("run", "--heap", "lots").assertUsage("--heap");
        CommandLineRunner.run("run", "--forks", "0").assertUsage("--forks");
        CommandLineRunner.run("run", "--suite", "weekly").assertUsage("unknown suite 'weekly'");
        CommandLineRunner.run("run", "--store", "memory").assertUsage("--store"); // a workload's --param now
        CommandLineRunner.run("run", "--param", "store=memory").assertUsage("--param store: no selected workload takes it");
        CommandLineRunner.run("run", "--gc", "Shenandoah2").assertUsage("unknown collector");
        CommandLineRunner.run("run", "--iterations", "many").assertUsage("--iterations");
        CommandLineRunner.run("run", "--no-such-option").assertUsage("no-such-option");
        CommandLineRunner.run("frobnicate").assertUsage("frobnicate");
        CommandLineRunner.run("run", "--heap", "1m").assertUsage("too small");
        // the nightly suite ends with a leak check, and a leak check reads its recording
        CommandLineRunner.run("run", "--suite", "nightly", "--no-jfr").assertUsage("has leak checks");
        CommandLineRunner.run("run", "--heap", "99999999999999999999g").assertUsage("larger than any machine");
        CommandLineRunner.run("run", "--heap", "100000g").assertUsage("more than this machine's memory");
    }

    @Test
    void anOutFolderWhosePathJfrCannotTakeExitsTwo() {
        CommandLineRunner.run("run", "-w", "test-sum", "--out", dir.resolve("a,b").toString()).assertUsage("comma");
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
        assertThat(r.out()).contains("test-sum", "test-inlining", "quick", "standard", "nightly");
        assertThat(r.out().lines().filter(l -> l.contains("test-leak"))).singleElement().asString()
                .contains("only when named").doesNotContain("leak-checked by default");
        assertThat(r.out().lines().filter(l -> l.contains("test-steady"))).singleElement().asString()
                .contains("only when named", "leak-checked by default");
    }

}
