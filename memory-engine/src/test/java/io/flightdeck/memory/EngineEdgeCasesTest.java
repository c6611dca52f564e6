package io.flightdeck.memory;

import io.flightdeck.memory.error.InputLimitExceededException;
import io.flightdeck.memory.error.InvalidInputException;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ScoredEpisode;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;
import io.flightdeck.memory.retrieval.RetrievalFilter;
import io.flightdeck.memory.retrieval.RetrievalRequest;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.flightdeck.memory.TestSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edge cases: concurrent eviction, deleted postings, large MMR pools, what counts toward the size limit, bad requests. Each failed before its fix. */
class EngineEdgeCasesTest {

    private static UUID complete(MemoryEngine engine, String description) {
        UUID id = engine.startEpisode(description, TaskContext.general(), TaskType.DEBUGGING);
        engine.logStep(id, ok("grep"));
        engine.completeEpisode(id, new TaskOutcome.Success("", List.of()));
        return id;
    }

    @Test
    void concurrentCompletersNeverEvictBelowCapacity() throws Exception {
        InMemoryEpisodeStore store = new InMemoryEpisodeStore();
        MemoryEngine engine = MemoryEngine.open(store, MemoryConfig.builder().maxEpisodes(50).build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 400; i++) {
                    complete(engine, "task " + thread + "-" + i);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(engine.stats().completedEpisodes()).isEqualTo(50);
        assertThat(store.countCompleted()).isEqualTo(50);
    }

    @Test
    void deletedEpisodesDoNotMakeMatchingTermsWorthless() {
        MemoryEngine engine = MemoryEngine.inMemory(MemoryConfig.builder().maxEpisodes(20).build());
        for (int i = 0; i < 1_000; i++) {
            complete(engine, "parser crash on input " + i);   // every one shares "parser crash"; 980 are evicted
        }
        List<ScoredEpisode> hits = engine.retrieveRelevantContext("parser crash", TaskContext.general(), 5);
        assertThat(hits).hasSize(5).allSatisfy(h -> assertThat(h.text()).isGreaterThan(0.3));
    }

    @Test
    void mmrOverALargeLimitReturnsDistinctResults() {
        MemoryEngine engine = MemoryEngine.inMemory();
        for (int i = 0; i < 1_500; i++) {
            complete(engine, "fix flaky test number " + (i % 40) + " in module " + (i % 7));
        }
        List<ScoredEpisode> hits = engine.retrieveRelevantContext(
                RetrievalRequest.of("fix flaky test module", TaskContext.general(), 1_000).withMmr(0.7));
        assertThat(hits).hasSize(1_000);
        assertThat(hits).extracting(h -> h.episode().id()).doesNotHaveDuplicates();
    }

    @Test
    void outcomeTextCountsTowardTheWholeEpisodeLimit() {
        MemoryEngine engine = MemoryEngine.inMemory();
        UUID id = engine.startEpisode("Write the release notes", TaskContext.general(), TaskType.DOCUMENTATION);
        String verdict = "v".repeat(10_000_001);
        assertThatThrownBy(() -> engine.completeEpisode(id, new TaskOutcome.Success(verdict, List.of())))
                .isInstanceOf(InputLimitExceededException.class).hasMessageStartingWith("serialised episode is ");
        Episode stillOpen = engine.getEpisode(id).orElseThrow();
        assertThat(stillOpen.isComplete()).isFalse();
        assertThat(engine.completeEpisode(id, new TaskOutcome.Success("done", List.of())).outcome()).isNotNull();
    }

    @Test
    void metadataCountsTowardTheLimitAndMustNotHoldNulls() {
        MemoryEngine engine = MemoryEngine.inMemory();
        Map<String, String> huge = Map.of("blob", "m".repeat(10_000_001));
        assertThatThrownBy(() -> engine.startEpisode("Task", TaskContext.general(), TaskType.OTHER, huge))
                .isInstanceOf(InputLimitExceededException.class);
        Map<String, String> withNull = new HashMap<>();
        withNull.put("agent", null);
        assertThatThrownBy(() -> engine.startEpisode("Task", TaskContext.general(), TaskType.OTHER, withNull))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("null");
        assertThat(engine.stats().activeEpisodes()).isZero();
    }

    @Test
    void malformedRetrievalRequestsAreInvalidInput() {
        MemoryEngine engine = MemoryEngine.inMemory();
        assertThatThrownBy(() -> engine.retrieveRelevantContext(null, TaskContext.general(), 5))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RetrievalRequest.of("q", TaskContext.general(), 5).withMmr(-5.0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("-5.0");
        assertThatThrownBy(() -> new RetrievalFilter(null, null, null, null, Arrays.asList("ok", null), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void absurdLatenciesDoNotWrapAround() {
        MemoryEngine engine = MemoryEngine.inMemory();
        UUID id = engine.startEpisode("Task", TaskContext.general(), TaskType.OTHER);
        engine.logStep(id, io.flightdeck.memory.model.ExecutionStep.of(1, TestSteps.T0, "grep", "x", "{}",
                io.flightdeck.memory.model.ExecutionResult.success("ok"), Long.MAX_VALUE));
        engine.logStep(id, io.flightdeck.memory.model.ExecutionStep.of(2, TestSteps.T0, "grep", "x", "{}",
                io.flightdeck.memory.model.ExecutionResult.success("ok"), Long.MAX_VALUE));
        assertThat(engine.completeEpisode(id, new TaskOutcome.Success("", List.of())).reward().total()).isPositive();
        assertThat(io.flightdeck.memory.model.EpisodeFacts.of(engine.getEpisode(id).orElseThrow().steps())
                .averageLatencyMs()).isPositive();
    }
}
