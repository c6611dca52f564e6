package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.jmh.bench.FailingBenchmark;
import io.flightdeck.harness.jmh.bench.PlantedBenchmark;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;
import io.flightdeck.harness.run.JmhRunner;
import io.flightdeck.profiling.MeasuredWindow;

/**
 * {@code flightdeck jmh} end to end, on a user's JMH benchmarks as a user has them: their classes (compiled with
 * JMH's annotation processor) and JMH's own jars, nothing of Flightdeck's. A baseline is saved, then a build with a
 * slowdown planted by a system property is compared against it.
 *
 * <p>The verdict rests on timings, which the machine's load moves (see CompareEndToEndTest): the tests assert the
 * run folder, the mapping of JMH's results, the profile's window and the exit code that follows from the verdict
 * written, never which verdict.
 */
class JmhCommandTest {

    @TempDir
    static Path dir;
    static CommandLineRunner saved;
    static CommandLineRunner slowed;
    static final String BENCHMARK = PlantedBenchmark.class.getName() + ".mix";

    /** The user's benchmarks' class path: their classes folder and JMH with what JMH needs. */
    static String benchmarksClassPath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(PlantedBenchmark.class, org.openjdk.jmh.Main.class, joptsimple.OptionParser.class,
                org.apache.commons.math3.stat.descriptive.StatisticalSummary.class)) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    static String[] jmh(String out, List<String> flightdeck, List<String> jmhOptions) throws Exception {
        List<String> all = new ArrayList<>(List.of("jmh", "--classpath", benchmarksClassPath(), "--home",
                dir.resolve("home").toString(), "--regression-limit", "60%", "--out", dir.resolve(out).toString()));
        all.addAll(flightdeck);
        all.add("--");
        all.addAll(List.of("-f", "2", "-wi", "1", "-w", "200ms", "-i", "3", "-r", "200ms"));
        all.addAll(jmhOptions);
        all.add(PlantedBenchmark.class.getSimpleName());
        return all.toArray(String[]::new);
    }

    @BeforeAll
    static void saveThenSlow() throws Exception {
        saved = CommandLineRunner.run(jmh("base", List.of("--save-baseline", "before"), List.of()));
        slowed = CommandLineRunner.run(jmh("slow", List.of("--baseline", "before"),
                List.of("-jvmArgsAppend", "-D" + PlantedBenchmark.SLOW + "=3")));
    }

    static RunReport report(String run) throws Exception {
        return Json.mapper().readValue(dir.resolve(run).resolve("report.json").toFile(), RunReport.class);
    }

    @Test
    void eachBenchmarkIsAWorkloadEachParameterSetACaseEachJmhForkAFork() throws Exception {
        assertThat(saved.exitCode()).as(saved.out() + saved.err()).isZero();
        RunReport r = report("base");
        assertThat(r.settings().suite()).isEqualTo(JmhRunner.SUITE);
        assertThat(r.workloads()).extracting(WorkloadReport::name).containsExactly(BENCHMARK);
        WorkloadReport w = r.workloads().get(0);
        assertThat(w.cases()).extracting(CaseReport::label).containsExactly("size=1", "size=2");
        // two forks a case, numbered on across the cases: each number one JVM
        assertThat(w.cases().get(0).iterations()).extracting(CaseReport.Iteration::fork).containsOnly(1, 2)
                .hasSize(6);
        assertThat(w.cases().get(1).iterations()).extracting(CaseReport.Iteration::fork).containsOnly(3, 4)
                .hasSize(6);
        // avgt times iterations, not single operations: a mean, no percentiles
        CaseReport c = w.cases().get(0);
        assertThat(c.latency().mean()).isPositive();
        assertThat(c.latency().hasPercentiles()).isFalse();
        assertThat(c.iterations()).allSatisfy(i -> assertThat(i.allocatedBytes()).isNotNegative());
        assertThat(saved.out()).contains("baseline before saved");
        assertThat(dir.resolve("home/baselines/before").resolve(BENCHMARK).resolve("cpu.folded")).isRegularFile();
    }

    @Test
    void everyForkIsRecordedAndAnalysedOverJmhsMeasuredIterations() throws Exception {
        Path run = dir.resolve("base");
        try (Stream<Path> files = Files.walk(run.resolve(JmhRunner.BENCHMARKS))) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("recording.jfr"))).hasSize(4);
        }
        assertThat(run.resolve(JmhRunner.RESULTS)).isRegularFile();
        assertThat(run.resolve(JmhRunner.OUTPUT)).content().contains("Benchmark");
        assertThat(run.resolve(BENCHMARK).resolve("flamegraph-cpu.html")).isRegularFile();
        assertThat(run.resolve(BENCHMARK).resolve("cpu-fork-4.folded")).isRegularFile();
        assertThat(run.resolve("report.html")).isRegularFile();
        WorkloadReport w = report("base").workloads().get(0);
        // the profile covers JMH's measured iterations, which Flightdeck's profiler marked inside each fork
        assertThat(w.profile().window()).startsWith("measured iterations: 3 intervals");
        MeasuredWindow marks = MeasuredWindow.read(run.resolve(JmhRunner.BENCHMARKS).resolve(BENCHMARK)
                .resolve("avgt").resolve("size=1").resolve("fork-1").resolve("recording.jfr")).orElseThrow();
        assertThat(marks.intervals()).hasSize(3);
    }

    @Test
    void theComparisonAgainstTheBaselineDecidesTheExitCode() throws Exception {
        RunComparison c = Json.mapper().readValue(dir.resolve("slow").resolve(ComparisonFiles.JSON).toFile(),
                RunComparison.class);
        assertThat(slowed.exitCode()).as(slowed.out() + slowed.err())
                .isEqualTo(RunComparison.REGRESSED.equals(c.verdict()) ? ExitCodes.CHECK_FAILED : 0);
        assertThat(c.workloads()).extracting(RunComparison.WorkloadComparison::workload).containsExactly(BENCHMARK);
        // the planted method's share is a share within each JVM, which load slows alike: it shows in the slowed
        // run's stacks, and not in the baseline's
        assertThat(Files.readString(dir.resolve("slow").resolve(BENCHMARK).resolve("cpu.folded")))
                .contains("plantedSlowdown");
        assertThat(Files.readString(dir.resolve("base").resolve(BENCHMARK).resolve("cpu.folded")))
                .doesNotContain("plantedSlowdown");
    }

    @Test
    void aBenchmarkThatThrowsIsAFailedWorkloadNotAMissingOne() throws Exception {
        CommandLineRunner failed = CommandLineRunner.run("jmh", "--classpath", benchmarksClassPath(), "--no-history",
                "--sampler", "jfr", "--out", dir.resolve("failing").toString(), "--", "-f", "1", "-wi", "0", "-i",
                "1", "-r", "100ms", FailingBenchmark.class.getSimpleName());
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        WorkloadReport w = report("failing").workloads().get(0);
        assertThat(w.name()).isEqualTo(FailingBenchmark.class.getName() + ".broken");
        assertThat(w.status()).isEqualTo(RunReport.FAILED);
        assertThat(w.failure()).contains("JMH wrote no result");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        CommandLineRunner.run("jmh", "--no-history").assertUsage("give --jar FILE");
        CommandLineRunner.run("jmh", "--jar", dir.resolve("none.jar").toString()).assertUsage("--jar");
        CommandLineRunner.run("jmh", "--classpath", benchmarksClassPath(), "--", "-rf", "csv")
                .assertUsage("leave out -rf and -rff");
        CommandLineRunner.run("jmh", "--classpath", benchmarksClassPath(), "--", "-f", "0")
                .assertUsage("-f 0");
        CommandLineRunner.run("jmh", "--classpath", benchmarksClassPath(), "--", "-f0").assertUsage("-f 0");
        // JMH itself refuses: no benchmark matches; its own line says so
        CommandLineRunner none = CommandLineRunner.run("jmh", "--classpath", benchmarksClassPath(), "--no-history",
                "--sampler", "jfr", "--out", dir.resolve("none").toString(), "--", "NoSuchBenchmark");
        none.assertUsage("JMH ran no benchmark");
        assertThat(none.out()).contains("No matching benchmarks");
    }
}
