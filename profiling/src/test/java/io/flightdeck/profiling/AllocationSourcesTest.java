package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.profiling.ProgramRecordings.Recorded;
import io.flightdeck.profiling.alloc.AllocationAnalysis;
import io.flightdeck.profiling.alloc.AllocationCollector;
import io.flightdeck.profiling.alloc.HeapSamplerBias;
import io.flightdeck.profiling.programs.AllocationSplit;
import io.flightdeck.profiling.programs.LargeBuffers;

/**
 * Allocation figures from the best sampler in the recording: async-profiler's byte-weighted samples agree with the
 * bytes {@link AllocationSplit} counted itself (70/30 between two sites with arrays of different sizes); JFR's own
 * samples come with the note that their weights follow TLAB refills, and every row with its sample count.
 */
class AllocationSourcesTest {

    static final String LONGS = AllocationSplit.class.getName() + ".longs()";
    static final String CHARS = AllocationSplit.class.getName() + ".chars()";
    /**
     * Not 3: this time-boxed program read 73.2 and 73.4 for its true 70 in two runs on JDK 17. The cause is JDK 17's
     * heap sampler, which samples objects that do not fit the rest of a small TLAB too rarely (JDK-8356372, fixed in
     * JDK 25; docs/profiles.md has the measurements): the analysis says so beside the shares on JDKs before 25.
     */
    static final double POINTS = 5;

    @TempDir
    Path dir;

    @Test
    void asyncProfilersSamplesWeighSitesByTheirBytes() throws Exception {
        Optional<Path> agent = AsyncProfilerAgent.extract(dir);
        assumeTrue(agent.isPresent(), "async-profiler has no library for this OS and architecture");
        Recorded r = ProgramRecordings.run(dir, "async-profiler", AllocationSplit.class,
                List.of(ProgramRecordings.asyncProfiler(agent.get())), "3");

        AllocationAnalysis alloc = RecordingAnalyzer.analyze(r.file(), AnalysisOptions.defaults().withRulesMaxBytes(0))
                .allocation();

        assertThat(alloc.source()).isEqualTo(AllocationCollector.ASYNC_PROFILER);
        if (Runtime.version().feature() < HeapSamplerBias.FIXED_IN) {
            assertThat(alloc.biasNote()).as("the heap sampler's note before JDK 25").contains("JDK-8356372");
        } else {
            assertThat(alloc.biasNote()).isNull();
        }
        double truth = 100.0 * r.printed("longs") / (r.printed("longs") + r.printed("chars"));
        double longs = share(alloc.bySite(), LONGS);
        double chars = share(alloc.bySite(), CHARS);
        assertThat(100 * longs / (longs + chars)).as("long[] site's share of the two sites' bytes")
                .isCloseTo(truth, within(POINTS));
        assertThat(alloc.bySite()).allMatch(row -> row.samples() != null && row.samples() > 0);
    }

    @Test
    void jfrSamplesComeWithTheirBiasAndSampleCounts() throws Exception {
        Recorded r = ProgramRecordings.run(dir, "jfr", AllocationSplit.class, List.of(ProgramRecordings.jfr("")), "2");

        Analysis a = RecordingAnalyzer.analyze(r.file(), AnalysisOptions.defaults().withRulesMaxBytes(0));
        AllocationAnalysis alloc = a.allocation();

        assertThat(alloc.source()).isEqualTo(AllocationCollector.SAMPLE);
        assertThat(alloc.biasNote()).isEqualTo(AllocationCollector.TLAB_BIAS);
        assertThat(alloc.bySite()).extracting(Ranked::name).contains(LONGS, CHARS);
        assertThat(alloc.bySite().stream().mapToLong(Ranked::samples).sum()).isPositive()
                .isLessThanOrEqualTo(a.recording().eventCounts().get(AllocationCollector.SAMPLE));
        assertThat(alloc.byClass()).allMatch(row -> row.samples() != null && row.samples() > 0);
    }

    @Test
    void aJfrRecordingFollowedByAsyncProfilersUsesAsyncProfilersSamplesOnly() throws Exception {
        Optional<Path> agent = AsyncProfilerAgent.extract(dir);
        assumeTrue(agent.isPresent(), "async-profiler has no library for this OS and architecture");
        Recorded jfr = ProgramRecordings.run(dir, "jfr", AllocationSplit.class, List.of(ProgramRecordings.jfr("")),
                "1");
        Recorded profiler = ProgramRecordings.run(dir, "async-profiler", AllocationSplit.class,
                List.of(ProgramRecordings.asyncProfiler(agent.get())), "1");
        Path both = ProgramRecordings.concatenate(dir.resolve("both.jfr"), jfr.file(), profiler.file());
        AllocationAnalysis alone = RecordingAnalyzer.analyze(profiler.file(),
                AnalysisOptions.defaults().withRulesMaxBytes(0)).allocation();

        Analysis a = RecordingAnalyzer.analyze(both, AnalysisOptions.defaults().withRulesMaxBytes(0));

        assertThat(a.allocation().source()).isEqualTo(AllocationCollector.ASYNC_PROFILER);
        assertThat(a.allocation().samples()).isEqualTo(alone.samples());
        assertThat(a.allocation().estimatedBytes()).isEqualTo(alone.estimatedBytes());
        assertThat(a.allocation().bySite()).isEqualTo(alone.bySite());
        assertThat(a.stacks().allocation().totalWeight()).isEqualTo(alone.estimatedBytes());
    }

    /**
     * A paced run's child changes the allocation interval between chunks (warm-up at 512 KiB, measurement wider). An
     * object larger than the interval does not carry it in its event, so an interval learnt in an earlier chunk must
     * not weigh it: here 1 MiB buffers sampled at 512 KiB after a chunk at 8 MiB read about 7 times their bytes until
     * the interval was taken per chunk (from its "alloc" setting, else its smaller objects). The buffers' site must
     * also keep its name, which needs a JDK chunk between the agent's two.
     */
    @Test
    void eachChunkIsWeighedByItsOwnInterval() throws Exception {
        Optional<Path> agent = AsyncProfilerAgent.extract(dir);
        assumeTrue(agent.isPresent(), "async-profiler has no library for this OS and architecture");
        Recorded sparse = ProgramRecordings.run(dir, "sparse", AllocationSplit.class,
                List.of("-agentpath:" + agent.get() + "=start,event=cpu,alloc=8m,file=" + ProgramRecordings.FILE), "1");
        Recorded large = ProgramRecordings.run(dir, "large", LargeBuffers.class,
                List.of("-agentpath:" + agent.get() + "=start,event=cpu,alloc,file=" + ProgramRecordings.FILE), "1");
        // a JDK chunk between the agent's two, as a paced run's merge puts one (RecordingMerge): two of the agent's
        // chunks in a row would have the JDK's reader name the second one's frames after the first one's methods
        Recorded divider = ProgramRecordings.run(dir, "divider", LargeBuffers.class, List.of(ProgramRecordings.jfr("")),
                "0");
        Path both = ProgramRecordings.concatenate(dir.resolve("both.jfr"), sparse.file(), divider.file(), large.file());
        String site = LargeBuffers.class.getName() + ".buffer()";
        long alone = weight(RecordingAnalyzer.analyze(large.file(), AnalysisOptions.defaults().withRulesMaxBytes(0))
                .allocation().bySite(), site);

        long afterSparse = weight(RecordingAnalyzer.analyze(both, AnalysisOptions.defaults().withRulesMaxBytes(0))
                .allocation().bySite(), site);

        assertThat(afterSparse).as("the buffers after a chunk at 8 MiB").isEqualTo(alone);
        double truth = large.printed("buffers");
        assertThat((double) alone).as("the buffers' estimated bytes").isCloseTo(truth, within(0.15 * truth));
    }

    private static long weight(List<Ranked> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).mapToLong(Ranked::weight).sum();
    }

    private static double share(List<Ranked> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).mapToDouble(Ranked::percent).sum();
    }
}
