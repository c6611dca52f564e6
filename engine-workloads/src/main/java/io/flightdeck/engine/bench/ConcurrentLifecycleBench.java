package io.flightdeck.engine.bench;

import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A whole lifecycle (start, 50 steps, complete) run by 1, 2, 4 and 8 threads at once on one shared engine.
 *
 * <p>JMH's thread count is not a {@code @Param}, so each count is its own {@code @Benchmark} method with its
 * own {@code @Threads}; their bodies are the same. The primary score is the latency of one lifecycle as each
 * thread sees it (with more threads than the 2 cores, that includes waiting for a core). Throughput is reported
 * two ways: the {@code lifecycles} counter (completed lifecycles summed over threads and measurement
 * iterations; JMH can only count events, not rates, in SampleTime mode) divided by the measured time, and,
 * equivalently by Little's law since every thread always has one lifecycle in flight,
 * {@code threads / mean latency}. {@code scripts/jmh-table.py} prints both.
 *
 * <p>The engine is replaced every iteration, so every iteration writes into a store of the same (small) size.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = BenchSettings.WARMUP_ITERATIONS, time = BenchSettings.WARMUP_SECONDS)
@Measurement(iterations = BenchSettings.MEASUREMENT_ITERATIONS, time = BenchSettings.MEASUREMENT_SECONDS)
@Fork(value = 1, jvmArgsAppend = {BenchSettings.HEAP_MIN, BenchSettings.HEAP_MAX, BenchSettings.PRE_TOUCH})
@State(Scope.Benchmark)
public class ConcurrentLifecycleBench {

    static final int STEPS = 50;

    @Param({StoreUnderTest.MEMORY, StoreUnderTest.SQLITE})
    public String store;

    private EpisodePool pool;
    /** Replaced between iterations while no benchmark thread runs; volatile to make that obvious. */
    private volatile StoreUnderTest underTest;

    @Setup(Level.Trial)
    public void generate() {
        pool = EpisodePool.ofSteps(EpisodePool.SEED, 256, STEPS);
    }

    @Setup(Level.Iteration)
    public void openStore() {
        underTest = StoreUnderTest.fresh(store);
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        underTest.close();
    }

    /** Per thread: where it is in the pool, and how many lifecycles it completed in this iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Lifecycles {
        /** Completed lifecycles; JMH resets it before each iteration and sums it over threads. */
        public long lifecycles;
        private EpisodePool.Cursor cursor;

        @Setup(Level.Trial)
        public void spreadThreads(ConcurrentLifecycleBench bench, ThreadParams thread) {
            cursor = bench.pool.cursor();
            // start each thread elsewhere in the pool, so threads do not log identical steps in lockstep
            int offset = thread.getThreadIndex() * (bench.pool.size() / Math.max(1, thread.getThreadCount()));
            for (int i = 0; i < offset; i++) {
                cursor.next();
            }
        }
    }

    @Benchmark
    @Threads(1)
    public Episode lifecycleThreads1(Lifecycles counter) {
        return lifecycle(counter);
    }

    @Benchmark
    @Threads(2)
    public Episode lifecycleThreads2(Lifecycles counter) {
        return lifecycle(counter);
    }

    @Benchmark
    @Threads(4)
    public Episode lifecycleThreads4(Lifecycles counter) {
        return lifecycle(counter);
    }

    @Benchmark
    @Threads(8)
    public Episode lifecycleThreads8(Lifecycles counter) {
        return lifecycle(counter);
    }

    private Episode lifecycle(Lifecycles counter) {
        GeneratedEpisode e = counter.cursor.next();
        MemoryEngine engine = underTest.engine();
        UUID id = engine.startEpisode(e.description(), e.context(), e.taskType());
        for (ExecutionStep step : e.steps()) {
            engine.logStep(id, step);
        }
        Episode completed = engine.completeEpisode(id, e.outcome());
        counter.lifecycles++;
        return completed;
    }
}
