package io.flightdeck.memory;

import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.ScoredPattern;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.flightdeck.memory.TestSteps.err;
import static io.flightdeck.memory.TestSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EpisodeLifecycleTest {

    private static final TaskContext JAVA = TaskContext.of("payments", "java", "spring-boot", Complexity.COMPLEX, "npe");

    @Test
    void completionScoresReflectsLearnsAndStores() {
        MutableClock clock = new MutableClock(TestSteps.T0);
        InMemoryEpisodeStore store = new InMemoryEpisodeStore();
        MemoryEngine engine = MemoryEngine.open(store, MemoryConfig.builder().clock(clock).build());
        UUID id = engine.startEpisode("Fix the NullPointerException in OrderService.checkout when the cart is empty",
                JAVA, TaskType.DEBUGGING);
        List<ExecutionStep> steps = List.of(
                ok("read_file", "read OrderService.java"),
                err("run_tests", "java.lang.NullPointerException: cart is null"),
                ok("edit_file", "guard against an empty cart"),
                ok("run_tests", "verify the fix with the failing test"));
        steps.forEach(s -> engine.logStep(id, s));
        clock.advance(Duration.ofMinutes(6));

        Episode done = engine.completeEpisode(id, new TaskOutcome.Success("fixed", List.of("OrderService.java")));

        assertThat(done.endTime()).isEqualTo(TestSteps.T0.plus(Duration.ofMinutes(6)));
        assertThat(done.steps()).isEqualTo(steps);
        // reward: success, 6 min, 4 steps, complex, 1 error in 4 steps, 1 artifact, 4 new patterns, 3 tools, 1 recovery
        double efficiency = 0.5 * (0.5 + Math.exp(-3)) + 0.5 * (0.5 + Math.exp(-4 / 20.0));
        double quality = 1 - 0.25 + 0.1;
        double learning = 0.3 + 0.1 * 3 / 5 + 0.05;
        assertThat(done.reward().total()).isCloseTo(efficiency * 1.2 * quality + learning, within(1e-9));
        assertThat(done.reflection().successes()).contains("Recovered from 1 error");
        assertThat(done.reflection().improvements()).contains("1 of 4 steps failed (error rate 25%)");
        assertThat(done.patternIds()).hasSize(4); // sequence, decision point, error recovery, context
        assertThat(store.findEpisode(id)).contains(done);
        assertThat(engine.stats().completedEpisodes()).isEqualTo(1);
        assertThat(engine.stats().activeEpisodes()).isZero();
    }

    @Test
    void stepsAreFlushedInBatchesNotRewrittenWhole() {
        InMemoryEpisodeStore store = new InMemoryEpisodeStore();
        MemoryEngine engine = MemoryEngine.open(store,
                MemoryConfig.builder().stepFlushCount(3).stepFlushInterval(Duration.ofHours(1)).build());
        UUID id = engine.startEpisode("Add pagination to the invoices endpoint", JAVA, TaskType.CODE_GENERATION);
        engine.logStep(id, ok("grep"));
        engine.logStep(id, ok("read_file"));
        assertThat(store.findEpisode(id).orElseThrow().steps()).isEmpty();           // still buffered
        assertThat(engine.getEpisode(id).orElseThrow().steps()).hasSize(2);         // but visible
        engine.logStep(id, ok("edit_file"));
        assertThat(store.findEpisode(id).orElseThrow().steps()).hasSize(3);          // flushed at 3
        engine.logStep(id, ok("compile"));
        engine.completeEpisode(id, new TaskOutcome.Success("", List.of()));
        assertThat(store.findEpisode(id).orElseThrow().steps()).extracting(ExecutionStep::tool)
                .containsExactly("grep", "read_file", "edit_file", "compile");
    }

    @Test
    void stepsWaitingLongerThanTheIntervalAreFlushed() {
        InMemoryEpisodeStore store = new InMemoryEpisodeStore();
        MemoryEngine engine = MemoryEngine.open(store,
                MemoryConfig.builder().stepFlushCount(100).stepFlushInterval(Duration.ofNanos(1)).build());
        UUID id = engine.startEpisode("Add pagination to the invoices endpoint", JAVA, TaskType.CODE_GENERATION);
        engine.logStep(id, ok("grep"));
        engine.logStep(id, ok("read_file"));
        assertThat(store.findEpisode(id).orElseThrow().steps()).hasSize(2);
    }

    @Test
    void retrievePatternsRanksByContextAndEffectiveness() {
        MemoryEngine engine = MemoryEngine.inMemory();
        TaskContext python = TaskContext.of("data-pipeline", "python", "airflow", Complexity.SIMPLE);
        for (int i = 0; i < 3; i++) {
            UUID id = engine.startEpisode("Fix the NPE in checkout " + i, JAVA, TaskType.DEBUGGING);
            engine.logStep(id, ok("grep"));
            engine.logStep(id, ok("edit_file"));
            engine.completeEpisode(id, new TaskOutcome.Success("", List.of()));
        }
        UUID other = engine.startEpisode("Backfill the events table", python, TaskType.OTHER);
        engine.logStep(other, ok("query_db"));
        engine.logStep(other, ok("run_command"));
        engine.completeEpisode(other, new TaskOutcome.Success("", List.of()));

        List<ScoredPattern> forJava = engine.retrievePatterns(JAVA, 10);
        assertThat(forJava).isNotEmpty();
        assertThat(forJava).allSatisfy(sp -> assertThat(sp.pattern().context().language()).isEqualTo("java"));
        assertThat(forJava).extracting(ScoredPattern::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        Pattern best = forJava.get(0).pattern();
        assertThat(best.occurrences()).isEqualTo(3);
        assertThat(engine.retrievePatterns(JAVA, 1)).hasSize(1);
    }

    @Test
    void deleteRemovesFromStoreAndRetrieval() {
        InMemoryEpisodeStore store = new InMemoryEpisodeStore();
        MemoryEngine engine = MemoryEngine.open(store, MemoryConfig.defaults());
        UUID id = engine.startEpisode("Refactor PaymentGateway to the strategy pattern", JAVA, TaskType.REFACTORING);
        engine.completeEpisode(id, new TaskOutcome.Success("", List.of()));
        assertThat(engine.retrieveRelevantContext("PaymentGateway strategy", JAVA, 5)).hasSize(1);
        assertThat(engine.deleteEpisode(id)).isTrue();
        assertThat(engine.deleteEpisode(id)).isFalse();
        assertThat(engine.retrieveRelevantContext("PaymentGateway strategy", JAVA, 5)).isEmpty();
        assertThat(engine.getEpisode(id)).isEmpty();
        assertThat(store.countCompleted()).isZero();
    }

    @Test
    void optInQualityThresholdStoresButDoesNotLearn() {
        MemoryEngine engine = MemoryEngine.inMemory(MemoryConfig.builder().learningQualityThreshold(0.9).build());
        UUID sloppy = engine.startEpisode("Fix the build", JAVA, TaskType.DEBUGGING);
        engine.logStep(sloppy, err("compile", "error: x"));
        engine.logStep(sloppy, ok("edit_file"));  // error rate 50 %: quality 0.5 < 0.9
        Episode done = engine.completeEpisode(sloppy, new TaskOutcome.Success("", List.of()));
        assertThat(done.patternIds()).isEmpty();
        assertThat(done.reward().qualityMultiplier()).isEqualTo(0.5);
        assertThat(engine.stats().patterns()).isZero();
        assertThat(engine.stats().completedEpisodes()).isEqualTo(1);
    }
}
