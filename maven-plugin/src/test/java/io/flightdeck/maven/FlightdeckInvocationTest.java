package io.flightdeck.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlightdeckInvocationTest {

    @TempDir
    Path dir;

    private static ChildOptions child(List<String> workloads) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("capacity", "64");
        return new ChildOptions(workloads, params, Path.of("budgets.json"), "jfr", "-Xss2m -Dk='a b'", "512m", true);
    }

    @Test
    void runArgumentsCarryEveryOptionGivenAndNothingElse() {
        RunOptions options = new RunOptions(child(List.of("lru-cache", "other")), "quick", 1, 1, 3, 200L, null,
                "main", null, "5%", false);

        assertThat(FlightdeckInvocation.runArguments(options, List.of(Path.of("classes"), Path.of("lib.jar")),
                Path.of("home"), Path.of("out")))
                .containsExactly("run", "--suite=quick", "--forks=1", "--warmup=1", "--iterations=3",
                        "--iteration-ms=200", "--baseline=main", "--regression-limit=5%", "--workload=lru-cache",
                        "--workload=other", "--classpath=classes" + java.io.File.pathSeparator + "lib.jar", "--budgets=budgets.json", "--sampler=jfr", "--jvm-args=-Xss2m -Dk='a b'",
                        "--heap=512m", "--param=capacity=64", "--no-history", "--home=home", "--out=out");
    }

    @Test
    void runWithDefaultsNamesOnlyWhereItWrites() {
        RunOptions options = new RunOptions(new ChildOptions(List.of(), Map.of(), null, null, null, null, false),
                null, null, null, null, null, null, null, null, null, false);

        assertThat(FlightdeckInvocation.runArguments(options, List.of(), Path.of("home"), Path.of("out")))
                .containsExactly("run", "--home=home", "--out=out");
    }

    @Test
    void leakCheckArguments() {
        LeakCheckOptions options = new LeakCheckOptions(child(List.of("lru-cache")), "10s", 500L, "16", "64KiB");

        assertThat(FlightdeckInvocation.leakCheckArguments(options, List.of(Path.of("classes")), Path.of("home"),
                Path.of("out")))
                .startsWith("leak-check", "--duration=10s", "--checkpoint-ms=500", "--limit-bytes-per-op=16",
                        "--limit-bytes-per-s=64KiB", "--workload=lru-cache", "--classpath=classes")
                .endsWith("--home=home", "--out=out");
    }

    @Test
    void compareArgumentsNeverReadTheRunsAsOptions() {
        CompareOptions options = new CompareOptions("main", "-odd-folder", "10%", null);

        assertThat(FlightdeckInvocation.compareArguments(options, Path.of("home"), Path.of("out")))
                .containsExactly("compare", "--regression-limit=10%", "--home=home", "--out=out", "--", "main",
                        "-odd-folder");
    }

    @Test
    void aFolderTakenInTheSameSecondGetsASuffix() {
        Path first = FlightdeckInvocation.claimFolder(dir.resolve("runs"), "20260101-120000-quick");
        Path second = FlightdeckInvocation.claimFolder(dir.resolve("runs"), "20260101-120000-quick");

        assertThat(first.getFileName()).hasToString("20260101-120000-quick");
        assertThat(second.getFileName()).hasToString("20260101-120000-quick-2");
        assertThat(first).isDirectory();
        assertThat(second).isDirectory();
    }

    @Test
    void badInputIsExitCodeTwoWithFlightdecksLineAndLeavesNoFolder() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        FlightdeckInvocation invocation = new FlightdeckInvocation(dir.resolve("home"), dir.resolve("flightdeck"),
                List.of(), new SystemStreamLog());
        RunOptions options = new RunOptions(new ChildOptions(List.of("no-such-workload"), Map.of(), null, null, null,
                null, true), null, null, null, null, null, null, null, null, null, false);

        FlightdeckInvocation.Outcome outcome = invocation.run(options);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.errorLine()).startsWith("flightdeck: ").contains("no-such-workload");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        try (var runs = Files.list(dir.resolve("flightdeck").resolve("runs"))) {
            assertThat(runs).isEmpty();
        }
    }

    /** Flightdeck's message is about the input, not an option: every option the plugin writes was understood. */
    @Test
    void everyOptionOfEveryGoalIsOneFlightdeckKnows() throws Exception {
        Files.writeString(dir.resolve("budgets.json"), "{ \"schemaVersion\": 1, \"budgets\": [] }");
        ChildOptions child = new ChildOptions(List.of("no-such-workload"), Map.of("capacity", "64"),
                dir.resolve("budgets.json"), "jfr", "-Xss2m", "512m", true);
        // a project class path that exists (and holds no workload): --classpath is parsed and the input refused
        FlightdeckInvocation invocation = new FlightdeckInvocation(dir.resolve("home"), dir.resolve("flightdeck"),
                List.of(dir), new SystemStreamLog());

        FlightdeckInvocation.Outcome run = invocation.run(new RunOptions(child, "quick", 1, 1, 3, 200L, 60L, "main",
                "next", "5%", true));
        FlightdeckInvocation.Outcome leakCheck = invocation.leakCheck(new LeakCheckOptions(child, "10s", 500L, "16",
                "64KiB"));
        FlightdeckInvocation.Outcome compare = invocation.compare(new CompareOptions("no-such-baseline",
                "no-such-run", "5%", dir.resolve("budgets.json")));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLine()).contains("unknown workload 'no-such-workload'");
        assertThat(leakCheck.exitCode()).isEqualTo(2);
        assertThat(leakCheck.errorLine()).contains("unknown workload 'no-such-workload'");
        assertThat(compare.exitCode()).isEqualTo(2);
        assertThat(compare.errorLine()).contains("no-such-baseline").doesNotContain("--help");
    }
}
