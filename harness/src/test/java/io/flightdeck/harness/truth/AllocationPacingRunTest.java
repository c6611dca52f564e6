package io.flightdeck.harness.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.cli.CommandLineRunner;
import io.flightdeck.harness.sampler.SamplingIntervals;
import io.flightdeck.harness.testworkloads.AllocationSplitWorkload;
import io.flightdeck.profiling.Analysis;

/**
 * A run's child paces async-profiler's allocation sampler: a workload allocating gigabytes a second
 * ({@code test-allocation-split}, 70 / 30 of its bytes at two sites) is measured with a wider interval than the
 * 512 KiB floor, takes at most about {@link SamplingIntervals#PACED_SAMPLES_PER_SECOND} samples a second, and its
 * figures stay unbiased: the site shares within 4 points of 70 / 30 (as {@link AllocationSplitTruthTest} allows), the
 * estimated bytes within 20 % of what the JVM counted. Without the pacing the sampler took about 1,200 samples a
 * second of a 600 MB/s workload, 3 % of its throughput (docs/PERFORMANCE.md).
 *
 * <p>Sample counts follow the measured time, not the machine's speed: the pacing holds samples near a rate.
 */
class AllocationPacingRunTest {

    private static final int MEASURED_SECONDS = 5;

    @TempDir
    Path dir;

    @Test
    void aHeavyAllocatorIsSampledAtABoundedRateWithUnbiasedShares() throws IOException {
        Path out = dir.resolve("run");
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-allocation-split", "--sampler",
                "async-profiler", "--warmup", "2", "--iterations", String.valueOf(MEASURED_SECONDS),
                "--iteration-ms", "1000", "--heap", "256m", "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        Path workload = out.resolve("test-allocation-split");
        JsonNode theCase = new ObjectMapper().readTree(workload.resolve("result.json").toFile()).path("cases").get(0);
        long every = theCase.path("allocationSampledEvery").asLong();
        long counted = theCase.path("resources").path("allocatedBytes").asLong();
        Analysis analysis = TruthCheck.readAnalysis(workload.resolve("analysis.json"));
        long samples = analysis.allocation().samples();
        ProfileFigures figures = ProfileFigures.of(analysis);
        double longs = figures.allocatedAt(AllocationSplitWorkload.LONGS);
        double chars = figures.allocatedAt(AllocationSplitWorkload.CHARS);
        System.out.printf("pacing: every %,d bytes, %,d samples, estimated %,d of %,d bytes, longs %.1f%% chars %.1f%%%n",
                every, samples, analysis.allocation().estimatedBytes(), counted, 100 * longs / (longs + chars),
                100 * chars / (longs + chars));

        assertThat(every).as("the interval the child measured with").isGreaterThan(SamplingIntervals.DEFAULT_ALLOC_BYTES);
        assertThat(samples).as("allocation samples of %d measured seconds", MEASURED_SECONDS)
                .isBetween(100L, 2L * SamplingIntervals.PACED_SAMPLES_PER_SECOND * MEASURED_SECONDS);
        assertThat((double) analysis.allocation().estimatedBytes()).as("estimated bytes against the JVM's count")
                .isCloseTo(counted, within(0.2 * counted));
        assertThat(100 * longs / (longs + chars)).as("long[1000]'s share of the bytes")
                .isCloseTo(70.0, within(AllocationSplitTruthTest.POINTS));
        JsonNode reported = new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("workloads").get(0)
                .path("cases").get(0);
        assertThat(reported.path("allocationSampledEvery").asLong()).as("report.json").isEqualTo(every);
        assertThat(Files.readString(out.resolve("report.html"))).contains("Allocation sampled every");
    }
}
