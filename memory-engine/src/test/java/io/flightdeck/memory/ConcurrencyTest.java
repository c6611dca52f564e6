package io.flightdeck.memory;

import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.flightdeck.memory.TestSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** 8 threads running whole lifecycles at once, with readers retrieving meanwhile: nothing may be lost. */
class ConcurrencyTest {

    static final int THREADS = 8;
    static final int LIFECYCLES_PER_THREAD = 250;
    static final int STEPS = 23; // not a multiple of the flush count, so completion flushes a remainder

    @Test
    void eightThreadsLoseNoEpisodeAndNoStep() throws Exception {
        InMemoryEpisodeStore store = new InMemoryEpisodeStore();
        MemoryEngine engine = MemoryEngine.open(store, MemoryConfig.builder().stepFlushCount(10).build());
        runLifecycles(engine, store);
    }

    /** Runs the lifecycles and checks the engine and the store; shared with the SQLite variant. */
    static void runLifecycles(MemoryEngine engine, io.flightdeck.memory.storage.EpisodeStore store) throws Exception {
        TaskContext context = TaskContext.of("payments", "java", "spring-boot", Complexity.MODERATE);
        Map<UUID, Integer> completed = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < LIFECYCLES_PER_THREAD; i++) {
                    UUID id = engine.startEpisode("Fix the retry logic in worker " + thread + " task " + i, context,
                            TaskType.DEBUGGING);
                    for (int s = 0; s < STEPS; s++) {
                        engine.logStep(id, ok(s % 2 == 0 ? "grep" : "run_tests", "verify step " + s));
                    }
                    Episode done = engine.completeEpisode(id, new TaskOutcome.Success("ok", List.of()));
                    completed.put(id, done.steps().size());
                }
                return null;
            }));
        }
        Future<?> reader = pool.submit(() -> {
            start.await();
            while (completed.size() < THREADS * LIFECYCLES_PER_THREAD) {
                engine.retrieveRelevantContext("retry logic worker", context, 10);
            }
            return null;
        });
        start.countDown();
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        reader.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        int expected = THREADS * LIFECYCLES_PER_THREAD;
        assertThat(completed).hasSize(expected);
        assertThat(completed.values()).allMatch(n -> n == STEPS);
        assertThat(store.countCompleted()).isEqualTo(expected);
        assertThat(engine.stats().completedEpisodes()).isEqualTo(expected);
        for (UUID id : completed.keySet()) {
            List<ExecutionStep> steps = store.findEpisode(id).orElseThrow().steps();
            assertThat(steps).hasSize(STEPS);
            for (int s = 0; s < STEPS; s++) {
                assertThat(steps.get(s).action()).isEqualTo("verify step " + s);
            }
        }
        // every decision point was merged, none lost to a race: each "verify step s" was seen once per lifecycle
        List<Pattern.DecisionPoint> decisions = engine.retrievePatterns(context, 1_000).stream()
                .map(sp -> sp.pattern()).filter(Pattern.DecisionPoint.class::isInstance)
                .map(Pattern.DecisionPoint.class::cast).toList();
        assertThat(decisions).hasSize(STEPS).allMatch(dp -> dp.occurrences() == expected);
        assertThat(engine.retrieveRelevantContext("retry logic worker 3 task 7", context, 10)).hasSize(10);
    }
}
