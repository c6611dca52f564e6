package io.flightdeck.engine.bench;

import io.flightdeck.memory.datagen.GeneratedEpisode;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code startEpisode}: validate the description and context, write the header to the store, register the
 * episode as active.
 *
 * <p>Every call adds an active episode that is never completed. The in-memory engine takes a million or more a
 * second, which would fill a 2 GB heap within an iteration and measure the garbage collector: so the engine is
 * replaced by a fresh one after {@value #EPISODES_PER_ENGINE} episodes (a realistic ceiling for episodes in
 * progress at once). The swap happens inside the measured call, once in {@value #EPISODES_PER_ENGINE} calls, so
 * it can only show in the top 0.01% of calls (p99.99 and up). An in-memory engine is dropped (nothing to flush:
 * no steps were logged); a SQLite one is kept open until the iteration ends, when it is closed and its file
 * deleted. Every iteration starts from a fresh engine too.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = BenchSettings.WARMUP_ITERATIONS, time = BenchSettings.WARMUP_SECONDS)
@Measurement(iterations = BenchSettings.MEASUREMENT_ITERATIONS, time = BenchSettings.MEASUREMENT_SECONDS)
@Fork(value = 1, jvmArgsAppend = {BenchSettings.HEAP_MIN, BenchSettings.HEAP_MAX, BenchSettings.PRE_TOUCH})
@State(Scope.Benchmark)
public class EpisodeCreationBench {

    static final int EPISODES_PER_ENGINE = 10_000;

    @Param({StoreUnderTest.MEMORY, StoreUnderTest.SQLITE})
    public String store;

    private EpisodePool pool;
    private EpisodePool.Cursor cursor;
    private StoreUnderTest underTest;
    private int startedInEngine;
    /** SQLite engines that reached the ceiling in this iteration: closed (and their files deleted) at its end. */
    private final List<StoreUnderTest> retired = new ArrayList<>();

    @Setup(Level.Trial)
    public void generate() {
        pool = EpisodePool.ofSteps(EpisodePool.SEED, 512, 1);
        cursor = pool.cursor();
    }

    @Setup(Level.Iteration)
    public void openStore() {
        underTest = StoreUnderTest.fresh(store);
        startedInEngine = 0;
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        underTest.close();
        retired.forEach(StoreUnderTest::close);
        retired.clear();
    }

    @Benchmark
    public UUID startEpisode() {
        if (++startedInEngine > EPISODES_PER_ENGINE) {
            replaceEngine();
        }
        GeneratedEpisode e = cursor.next();
        return underTest.engine().startEpisode(e.description(), e.context(), e.taskType());
    }

    private void replaceEngine() {
        if (store.equals(StoreUnderTest.SQLITE)) {
            retired.add(underTest);
        }
        underTest = StoreUnderTest.fresh(store);
        startedInEngine = 1;
    }
}
