package io.flightdeck.engine.bench;

import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.learning.PatternExtractor;
import io.flightdeck.memory.model.EpisodeFacts;
import io.flightdeck.memory.model.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Pattern extraction from one 50-step episode, alone: {@link PatternExtractor#extract} with the engine's
 * defaults (success threshold 0.7, sequences of at most 5 tools), including the one walk over the steps that
 * {@link EpisodeFacts#of} makes, which the engine shares between reward, reflection and extraction.
 *
 * <p>No {@code store} parameter, unlike the other benchmarks: the extractor is a pure function of the episode
 * and never touches a store, so a "sqlite" row would repeat the "memory" row at the price of another fork.
 * The results table shows it once, for both.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = BenchSettings.WARMUP_ITERATIONS, time = BenchSettings.WARMUP_SECONDS)
@Measurement(iterations = BenchSettings.MEASUREMENT_ITERATIONS, time = BenchSettings.MEASUREMENT_SECONDS)
@Fork(value = 1, jvmArgsAppend = {BenchSettings.HEAP_MIN, BenchSettings.HEAP_MAX, BenchSettings.PRE_TOUCH})
@State(Scope.Thread)
public class PatternExtractionBench {

    private final PatternExtractor extractor = new PatternExtractor(0.7, 5);
    private EpisodePool.Cursor cursor;
    private UUID[] ids;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
        EpisodePool pool = EpisodePool.ofSteps(EpisodePool.SEED, 256, 50);
        cursor = pool.cursor();
        ids = new UUID[pool.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.nameUUIDFromBytes(("episode-" + i).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Benchmark
    public List<Pattern> extract() {
        GeneratedEpisode e = cursor.next();
        UUID id = ids[next];
        next = next + 1 == ids.length ? 0 : next + 1;
        return extractor.extract(id, e.context(), e.steps(), e.outcome(), EpisodeFacts.of(e.steps()));
    }
}
