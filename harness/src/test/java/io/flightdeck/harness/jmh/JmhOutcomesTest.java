package io.flightdeck.harness.jmh;

import static io.flightdeck.harness.jmh.JmhResultFileTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.CaseResult;
import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.jmh.ForkFolders;

/** JMH's results (as JMH 1.37 wrote them, src/test/resources/jmh-results/) as Flightdeck's workloads and forks. */
class JmhOutcomesTest {

    static final String SPIN = "io.flightdeck.jmh.SpinBenchmark.spin";
    static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path dir;

    static List<JmhOutcomes.Benchmark> of(Path recordings, String... files) throws Exception {
        List<JmhResult> results = new ArrayList<>();
        for (String f : files) {
            results.addAll(JmhResultFile.read(fixture(f)));
        }
        return JmhOutcomes.of(results, recordings, List.of("java", "org.openjdk.jmh.Main"), T, T);
    }

    static CaseResult onlyCase(ForkOutcome f) {
        assertThat(f.result().cases()).hasSize(1);
        return f.result().cases().get(0);
    }

    @Test
    void aBenchmarkIsAWorkloadItsParameterSetsCasesAndItsForksNumberedOnAcrossThem() throws Exception {
        List<JmhOutcomes.Benchmark> b = of(dir, "sample.json");
        assertThat(b).extracting(JmhOutcomes.Benchmark::name).containsExactly(SPIN);
        List<ForkOutcome> forks = b.get(0).forks();
        assertThat(forks).extracting(ForkOutcome::fork).containsExactly(1, 2, 3, 4);
        assertThat(forks).extracting(f -> onlyCase(f).label())
                .containsExactly("size=1000", "size=1000", "size=a/b c", "size=a/b c");
        assertThat(forks).allSatisfy(f -> assertThat(f.ok()).isTrue());
        // sample mode timed single operations: percentiles, and JMH's own percentile metrics are not repeated
        CaseResult c = onlyCase(forks.get(0));
        assertThat(c.latency().hasPercentiles()).isTrue();
        assertThat(c.latency().p99()).isGreaterThanOrEqualTo(c.latency().p50()).isPositive();
        assertThat(c.metrics()).extracting(CaseResult.Metric::name).noneMatch(n -> n.startsWith("p0."));
    }

    @Test
    void modesThatTimeIterationsGiveAMeanAndNoPercentiles() throws Exception {
        ForkOutcome first = of(dir, "avgt-gc-2threads.json").get(0).forks().get(0);
        CaseResult c = onlyCase(first);
        assertThat(c.threads()).isEqualTo(2);
        assertThat(c.latency().hasPercentiles()).isFalse();
        assertThat(c.latency().metric("p99")).isNaN();
        assertThat(c.latency().metric("mean")).isPositive();
        // JMH's GC profiler: bytes per operation into each iteration, its figures into the case's metrics
        assertThat(c.iterations()).allSatisfy(i -> assertThat(i.allocatedBytes()).isPositive());
        assertThat(c.metrics()).extracting(CaseResult.Metric::name).contains("gc.alloc.rate.norm", "gc.count");
        assertThat(c.resources().allocatedBytes()).isPositive();
    }

    @Test
    void aMethodRunInTwoModesHasTheModeInItsCases() throws Exception {
        List<ForkOutcome> forks = of(dir, "avgt.json", "thrpt.json").get(0).forks();
        assertThat(forks).extracting(f -> onlyCase(f).label()).containsExactly("mode=avgt,size=1000",
                "mode=avgt,size=1000", "mode=avgt,size=a/b c", "mode=avgt,size=a/b c", "mode=thrpt,size=1000",
                "mode=thrpt,size=1000", "mode=thrpt,size=a/b c", "mode=thrpt,size=a/b c");
        assertThat(forks).extracting(ForkOutcome::fork).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void eachForkHasTheRecordingTheProfilerLeftInItsFolder() throws Exception {
        Path fork2 = ForkFolders.fork(dir, SPIN, "avgt", Map.of("size", "a/b c"), 2, false);
        Files.createDirectories(fork2);
        Files.writeString(fork2.resolve(JmhOutcomes.RECORDING), "a recording");
        List<ForkOutcome> forks = of(dir, "avgt.json").get(0).forks();
        assertThat(forks.get(3).recording()).isEqualTo(fork2.resolve(JmhOutcomes.RECORDING));
        assertThat(forks.subList(0, 3)).allSatisfy(f -> assertThat(f.recording()).isNull());
    }

    @Test
    void aBenchmarkWithForksButNoResultsIsAFailedOne() throws Exception {
        String broken = "com.acme.Broken.run";
        Files.createDirectories(ForkFolders.fork(dir, broken, "thrpt", Map.of(), 1, false));
        List<JmhOutcomes.Benchmark> b = of(dir, "avgt.json");
        assertThat(b).extracting(JmhOutcomes.Benchmark::name).containsExactly(SPIN, broken);
        assertThat(b.get(1).forks()).isEmpty();
        assertThat(b.get(1).failure()).contains("JMH wrote no result");
        assertThat(b.get(0).failure()).isNull();
    }

    @Test
    void benchmarkNamesAreJavaMethodNamesNeverPaths() {
        assertThat(JmhOutcomes.BENCHMARK_NAME.matcher(SPIN).matches()).isTrue();
        assertThat(JmhOutcomes.BENCHMARK_NAME.matcher("Outer$Inner.run").matches()).isTrue();
        assertThat(JmhOutcomes.BENCHMARK_NAME.matcher("../etc.passwd").matches()).isFalse();
        assertThat(JmhOutcomes.BENCHMARK_NAME.matcher("a/b.c").matches()).isFalse();
        assertThat(JmhOutcomes.BENCHMARK_NAME.matcher("nodots").matches()).isFalse();
    }
}
