package io.flightdeck.engine.bench;

import io.flightdeck.memory.InputLimits;
import io.flightdeck.memory.datagen.GeneratedEpisode;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code logStep} into an episode in progress. Steps are buffered and persisted every 20 (the default
 * {@code stepFlushCount}), so one call in 20 also writes to the store: that cost is part of logging and shows in
 * the upper percentiles, which is why this is a latency distribution and not an average.
 *
 * <p>An episode takes at most 1,000 steps. Episodes to log into are started in the iteration's setup, enough for
 * the whole iteration judging by the previous one, so the measured call is the {@code logStep} alone; only when
 * the supply runs out (in the first warm-up iteration) is an episode started inside the measured call. The engine
 * is replaced every iteration to keep the heap and the SQLite file bounded.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = BenchSettings.WARMUP_ITERATIONS, time = BenchSettings.WARMUP_SECONDS)
@Measurement(iterations = BenchSettings.MEASUREMENT_ITERATIONS, time = BenchSettings.MEASUREMENT_SECONDS)
@Fork(value = 1, jvmArgsAppend = {BenchSettings.HEAP_MIN, BenchSettings.HEAP_MAX, BenchSettings.PRE_TOUCH})
@State(Scope.Benchmark)
public class StepLoggingBench {

    private static final int STEPS_PER_EPISODE = InputLimits.DEFAULT.maxStepsPerEpisode();

    @Param({StoreUnderTest.MEMORY, StoreUnderTest.SQLITE})
    public String store;

    private EpisodePool pool;
    private ExecutionStep[] steps;
    private StoreUnderTest underTest;

    private List<UUID> started;
    private int nextStarted;
    private UUID current;
    private int stepsInCurrent;
    private long stepsThisIteration;
    /** Episodes to start before the next iteration; grows to what an iteration needs. */
    private int episodesToStart = 32;

    @Setup(Level.Trial)
    public void generate() {
        pool = EpisodePool.ofSteps(EpisodePool.SEED, 20, 50);
        List<ExecutionStep> all = new ArrayList<>(STEPS_PER_EPISODE);
        for (int i = 0; i < pool.size(); i++) {
            for (ExecutionStep step : pool.get(i).steps()) {
                // the steps of 50 episodes become one episode's: step numbers must increase within it
                all.add(step.withStepNumber(all.size() + 1));
            }
        }
        steps = all.toArray(ExecutionStep[]::new);
    }

    @Setup(Level.Iteration)
    public void openStoreAndStartEpisodes() {
        underTest = StoreUnderTest.fresh(store);
        started = new ArrayList<>(episodesToStart);
        for (int i = 0; i < episodesToStart; i++) {
            started.add(start(i));
        }
        nextStarted = 0;
        stepsThisIteration = 0;
        advance();
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        underTest.close();
        long needed = stepsThisIteration / STEPS_PER_EPISODE + 1;
        episodesToStart = (int) Math.max(episodesToStart, needed + needed / 4 + 4);
    }

    @Benchmark
    public void logStep() {
        if (stepsInCurrent == STEPS_PER_EPISODE) {
            advance();
        }
        underTest.engine().logStep(current, steps[stepsInCurrent % steps.length]);
        stepsInCurrent++;
        stepsThisIteration++;
    }

    private void advance() {
        current = nextStarted < started.size() ? started.get(nextStarted++) : start(nextStarted++);
        stepsInCurrent = 0;
    }

    private UUID start(int i) {
        GeneratedEpisode e = pool.get(i % pool.size());
        return underTest.engine().startEpisode(e.description(), e.context(), e.taskType());
    }
}
