package io.flightdeck.engine.bench;

import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code completeEpisode} of an episode with 5, 25 or 50 steps: flush the last buffered steps, reward,
 * reflection, pattern extraction and merge, heuristics, the store's completion transaction, indexing.
 *
 * <p>Only the completion is measured: the episode is started and its steps logged in a
 * {@code @Setup(Level.Invocation)}. JMH warns that invocation-level fixtures distort measurements of very short
 * operations: the timestamps taken around each call cost tens of nanoseconds, and the fixture's own work can
 * leave caches and the JIT in a state the measured call would not see in a steady loop. Both matter below about
 * a microsecond; a completion costs several microseconds (in memory) to milliseconds (SQLite), and in
 * {@code SampleTime} mode JMH times each call individually anyway, so the distortion is small against what is
 * measured. The alternative, a batch of pre-logged episodes completed in a loop, would measure the same work
 * with a worse percentile resolution.
 *
 * <p>The engine is replaced every iteration, so every iteration completes into a store of the same (small) size.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = BenchSettings.WARMUP_ITERATIONS, time = BenchSettings.WARMUP_SECONDS)
@Measurement(iterations = BenchSettings.MEASUREMENT_ITERATIONS, time = BenchSettings.MEASUREMENT_SECONDS)
@Fork(value = 1, jvmArgsAppend = {BenchSettings.HEAP_MIN, BenchSettings.HEAP_MAX, BenchSettings.PRE_TOUCH})
@State(Scope.Benchmark)
public class EpisodeCompletionBench {

    @Param({StoreUnderTest.MEMORY, StoreUnderTest.SQLITE})
    public String store;

    @Param({"5", "25", "50"})
    public int steps;

    private EpisodePool pool;
    private EpisodePool.Cursor cursor;
    private StoreUnderTest underTest;

    private UUID id;
    private GeneratedEpisode episode;

    @Setup(Level.Trial)
    public void generate() {
        pool = EpisodePool.ofSteps(EpisodePool.SEED, 256, steps);
        cursor = pool.cursor();
    }

    @Setup(Level.Iteration)
    public void openStore() {
        underTest = StoreUnderTest.fresh(store);
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        underTest.close();
    }

    /** Not measured: start the next episode and log all its steps. */
    @Setup(Level.Invocation)
    public void startAndLogSteps() {
        MemoryEngine engine = underTest.engine();
        episode = cursor.next();
        id = engine.startEpisode(episode.description(), episode.context(), episode.taskType());
        for (ExecutionStep step : episode.steps()) {
            engine.logStep(id, step);
        }
    }

    @Benchmark
    public Episode completeEpisode() {
        return underTest.engine().completeEpisode(id, episode.outcome());
    }
}
