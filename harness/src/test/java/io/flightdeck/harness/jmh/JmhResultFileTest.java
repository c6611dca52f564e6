package io.flightdeck.harness.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.IterationResult;

/**
 * JMH's JSON results as JMH 1.37 wrote them for a small benchmark ({@code src/test/resources/jmh-results/}, one file
 * per mode: two parameter values, two forks), read and turned into iterations, checked against the raw figures in
 * the files.
 */
class JmhResultFileTest {

    @TempDir
    Path dir;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(JmhResultFileTest.class.getResource("/jmh-results/" + name).toURI());
    }

    @Test
    void averageTimeIterationsAreTheRawMeansInNanoseconds() throws Exception {
        List<JmhResult> results = JmhResultFile.read(fixture("avgt.json"));
        assertThat(results).hasSize(2);
        JmhResult r = results.get(0);
        assertThat(r.benchmark()).isEqualTo("io.flightdeck.jmh.SpinBenchmark.spin");
        assertThat(r.params()).containsEntry("size", "1000");
        List<IterationResult> fork2 = JmhIterations.of(r, 1);
        assertThat(fork2).hasSize(2);
        double raw = r.primaryMetric().rawData().get(1).get(0); // s/op
        assertThat(fork2.get(0).meanNanos()).isCloseTo(raw * 1e9, within(1e-6));
        assertThat(fork2.get(0).opsPerSecond()).isCloseTo(1 / raw, within(1e-6));
        assertThat(fork2.get(0).wallNanos()).isEqualTo(200_000_000L);
        assertThat(fork2.get(0).p50Nanos()).as("avgt measures no single operation").isZero();
        assertThat(fork2.get(0).allocatedBytes()).as("no -prof gc").isZero();
    }

    @Test
    void throughputIsSharedByTheThreadsWhenItBecomesATimePerOperation() throws Exception {
        JmhResult r = JmhResultFile.read(fixture("thrpt.json")).get(0);
        IterationResult first = JmhIterations.of(r, 0).get(0);
        double raw = r.primaryMetric().rawData().get(0).get(0); // ops/s, 1 thread
        assertThat(first.opsPerSecond()).isCloseTo(raw, within(1e-6));
        assertThat(first.meanNanos()).isCloseTo(1e9 / raw, within(1e-6));
        assertThat(first.operations()).isEqualTo(Math.round(raw * 0.2));
    }

    @Test
    void twoThreadsAndJmhsGcProfilerGiveThroughputOfBothAndBytesPerOperation() throws Exception {
        JmhResult r = JmhResultFile.read(fixture("avgt-gc-2threads.json")).get(0);
        assertThat(r.threads()).isEqualTo(2);
        IterationResult first = JmhIterations.of(r, 0).get(0);
        double nanos = r.primaryMetric().rawData().get(0).get(0); // ns/op
        assertThat(first.opsPerSecond()).isCloseTo(2 * 1e9 / nanos, within(1e-6));
        double bytesPerOp = r.secondaryMetrics().get("gc.alloc.rate.norm").rawData().get(0).get(0);
        assertThat((double) first.allocatedBytes()).isCloseTo(bytesPerOp * first.operations(), within(1.0));
    }

    @Test
    void sampleModeGivesPercentilesOfTheSampledOperations() throws Exception {
        JmhResult r = JmhResultFile.read(fixture("sample.json")).get(0);
        List<List<Double>> pairs = r.primaryMetric().rawDataHistogram().get(0).get(0);
        long total = pairs.stream().mapToLong(p -> Math.round(p.get(1))).sum();
        double mean = pairs.stream().mapToDouble(p -> p.get(0) * 1e9 * p.get(1)).sum() / total;
        IterationResult first = JmhIterations.of(r, 0).get(0);
        assertThat(first.meanNanos()).isCloseTo(mean, within(mean * 0.002)); // HdrHistogram: 3 significant digits
        assertThat(first.p50Nanos()).isPositive().isLessThanOrEqualTo(first.p99Nanos());
        double smallest = pairs.stream().mapToDouble(p -> p.get(0)).min().orElseThrow() * 1e9;
        assertThat((double) first.p50Nanos()).isGreaterThanOrEqualTo(smallest * 0.999);
    }

    @Test
    void singleShotIsTheTimeOfTheWholeBatch() throws Exception {
        JmhResult r = JmhResultFile.read(fixture("ss.json")).get(0);
        assertThat(r.measurementBatchSize()).isEqualTo(5);
        List<IterationResult> its = JmhIterations.of(r, 0);
        double raw = r.primaryMetric().rawData().get(0).get(2);
        assertThat(its.get(2).wallNanos()).isEqualTo(Math.round(raw * 1e9));
        assertThat(its.get(2).meanNanos()).isCloseTo(raw * 1e9 / 5, within(1e-3));
        assertThat(its.get(2).operations()).isEqualTo(5);
    }

    @Test
    void unitsAndIterationTimesAreReadAsJmhWritesThem() {
        assertThat(JmhUnit.parse("us/op").nanosPerOperation(2)).isEqualTo(2_000);
        assertThat(JmhUnit.parse("ops/ms").operationsPerSecond(3)).isCloseTo(3_000, within(1e-9));
        assertThat(JmhUnit.parse("ops/min").nanosPerOperation(60)).isCloseTo(1e9, within(1e-6));
        assertThat(JmhIterations.iterationNanos("10 s")).isEqualTo(10_000_000_000L);
        assertThat(JmhIterations.iterationNanos("500 us")).isEqualTo(500_000L);
        assertThat(JmhIterations.iterationNanos("single-shot")).isZero();
        assertThatThrownBy(() -> JmhUnit.parse("B/op")).hasMessageContaining("B/op");
    }

    @Test
    void whatIsNotJmhsResultsIsRefusedWithTheFilesName() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path notJson = Files.writeString(dir.resolve("text.json"), "Benchmark  Mode  Cnt  Score\n");
        Path object = Files.writeString(dir.resolve("object.json"), "{\"benchmark\": \"x\"}");
        Path noMetric = Files.writeString(dir.resolve("nometric.json"), "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\"}]");
        Path badMode = Files.writeString(dir.resolve("mode.json"), Files.readString(fixture("avgt.json"))
                .replace("\"avgt\"", "\"fastest\""));
        Path noRaw = Files.writeString(dir.resolve("noraw.json"), "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", "
                + "\"threads\": 1, \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"ns/op\"}}]");
        for (Path bad : List.of(empty, notJson, object, noMetric, badMode, noRaw, dir.resolve("missing.json"))) {
            assertThatThrownBy(() -> JmhResultFile.read(bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.getFileName().toString())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
