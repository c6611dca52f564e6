package io.flightdeck.memory;

import io.flightdeck.memory.error.EpisodeStateException;
import io.flightdeck.memory.error.InputLimitExceededException;
import io.flightdeck.memory.error.InvalidInputException;
import io.flightdeck.memory.error.UnknownEpisodeException;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.flightdeck.memory.TestSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every limit of ENGINE.md: rejected with a message naming limit, actual and maximum; nothing stored. */
class InputLimitsTest {

    private InMemoryEpisodeStore store;
    private MemoryEngine engine;

    @BeforeEach
    void open() {
        store = new InMemoryEpisodeStore();
        engine = MemoryEngine.open(store, MemoryConfig.builder().stepFlushCount(1).build());
    }

    private UUID started() {
        return engine.startEpisode("Fix the flaky retry test", TaskContext.general(), TaskType.DEBUGGING);
    }

    private static ExecutionStep stepWith(String output, String parameters) {
        return stepWith(1, output, parameters);
    }

    private static ExecutionStep stepWith(int number, String output, String parameters) {
        return ExecutionStep.of(number, TestSteps.T0, "run_tests", "run", parameters, ExecutionResult.success(output), 5);
    }

    private void assertNothingStoredFor(UUID id, int expectedSteps) {
        Episode inEngine = engine.getEpisode(id).orElseThrow();
        Episode inStore = store.findEpisode(id).orElseThrow();
        assertThat(inEngine.steps()).hasSize(expectedSteps);
        assertThat(inStore.steps()).hasSize(expectedSteps);
    }

    @Test
    void descriptionOverTenThousandBytes() {
        String tooLong = "é".repeat(5_001); // 10,002 UTF-8 bytes in 5,001 chars
        assertThatThrownBy(() -> engine.startEpisode(tooLong, TaskContext.general(), TaskType.OTHER))
                .isInstanceOf(InputLimitExceededException.class)
                .hasMessage("task description is 10002 bytes, over the limit of 10000 bytes");
        assertThat(engine.stats().activeEpisodes()).isZero();
        assertThat(store.loadInProgress()).isEmpty();
        // exactly at the limit is fine
        engine.startEpisode("x".repeat(10_000), TaskContext.general(), TaskType.OTHER);
    }

    @Test
    void blankDescriptionOrMissingTypeIsInvalid() {
        assertThatThrownBy(() -> engine.startEpisode("  ", TaskContext.general(), TaskType.OTHER))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("description");
        assertThatThrownBy(() -> engine.startEpisode("Fix it", TaskContext.general(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("task type");
        assertThat(store.loadInProgress()).isEmpty();
    }

    @Test
    void invalidTagIsRejectedNotDropped() {
        assertThatThrownBy(() -> TaskContext.of("web", "java", null, null, "ok-tag", "bad tag!"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad tag!");
        assertThatThrownBy(() -> TaskContext.of("web", "java", null, null, "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2-100");
        assertThat(TaskContext.of("web", null, null, null, "  Flaky-Test ", "flaky-test").tags())
                .containsExactly("flaky-test");
    }

    @Test
    void stepOutputOverTenThousandBytes() {
        UUID id = started();
        engine.logStep(id, stepWith(1, "o".repeat(10_000), "{}"));
        assertThatThrownBy(() -> engine.logStep(id, stepWith(2, "o".repeat(10_001), "{}")))
                .isInstanceOf(InputLimitExceededException.class)
                .hasMessage("step 2 output is 10001 bytes, over the limit of 10000 bytes");
        assertNothingStoredFor(id, 1);
    }

    @Test
    void errorMessageOverTenThousandBytes() {
        UUID id = started();
        ExecutionStep step = ExecutionStep.of(7, TestSteps.T0, "compile", "build", "{}",
                ExecutionResult.error("e".repeat(10_001)), 5);
        assertThatThrownBy(() -> engine.logStep(id, step))
                .isInstanceOf(InputLimitExceededException.class)
                .hasMessage("step 7 error message is 10001 bytes, over the limit of 10000 bytes");
        assertNothingStoredFor(id, 0);
    }

    @Test
    void parametersOverOneMillionBytes() {
        UUID id = started();
        String params = "{\"blob\":\"" + "p".repeat(1_000_000) + "\"}";
        assertThatThrownBy(() -> engine.logStep(id, stepWith("ok", params)))
                .isInstanceOf(InputLimitExceededException.class)
                .hasMessage("step 1 parameters is " + params.length() + " bytes, over the limit of 1000000 bytes");
        assertNothingStoredFor(id, 0);
    }

    @Test
    void moreThanOneThousandSteps() {
        UUID id = started();
        for (int i = 0; i < 1_000; i++) {
            engine.logStep(id, ok("grep"));
        }
        assertThatThrownBy(() -> engine.logStep(id, ok("grep")))
                .isInstanceOf(InputLimitExceededException.class)
                .hasMessage("steps per episode is 1001 steps, over the limit of 1000 steps");
        assertNothingStoredFor(id, 1_000);
        // the episode is still usable: it can be completed with its 1,000 steps
        assertThat(engine.completeEpisode(id, new TaskOutcome.Success("done", List.of())).steps()).hasSize(1_000);
    }

    @Test
    void wholeEpisodeOverTenMillionBytes() {
        UUID id = started();
        String params = "{\"blob\":\"" + "p".repeat(999_000) + "\"}";
        int logged = 0;
        InputLimitExceededException error = null;
        while (error == null) {
            try {
                engine.logStep(id, stepWith(logged + 1, "ok", params));
                logged++;
            } catch (InputLimitExceededException e) {
                error = e;
            }
        }
        // ten ~999 kB steps fit in 10,000,000 bytes with the episode's own fields, eleven do not
        assertThat(logged).isEqualTo(10);
        assertThat(error.limit()).isEqualTo("serialised episode");
        assertThat(error.actual()).isGreaterThan(10_000_000L);
        assertThat(error.maximum()).isEqualTo(10_000_000L);
        assertThat(error).hasMessageStartingWith("serialised episode is ").hasMessageEndingWith(
                "bytes, over the limit of 10000000 bytes");
        assertNothingStoredFor(id, 10);
    }

    @Test
    void retrievalLimitMustBeBetweenOneAndOneThousand() {
        assertThatThrownBy(() -> engine.retrieveRelevantContext("retry", TaskContext.general(), 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1, was 0");
        assertThatThrownBy(() -> engine.retrieveRelevantContext("retry", TaskContext.general(), 1_001))
                .isInstanceOf(InputLimitExceededException.class)
                .hasMessage("retrieval limit is 1001 results, over the limit of 1000 results");
        assertThat(engine.retrieveRelevantContext("retry", TaskContext.general(), 1_000)).isEmpty();
    }

    @Test
    void unknownIdCompletingTwiceAndLoggingAfterCompletion() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> engine.logStep(unknown, ok("grep")))
                .isInstanceOf(UnknownEpisodeException.class).hasMessageContaining(unknown.toString());
        assertThatThrownBy(() -> engine.completeEpisode(unknown, new TaskOutcome.Failure("x", null)))
                .isInstanceOf(UnknownEpisodeException.class);

        UUID id = started();
        engine.logStep(id, ok("grep"));
        Episode done = engine.completeEpisode(id, new TaskOutcome.Success("done", List.of()));
        assertThatThrownBy(() -> engine.completeEpisode(id, new TaskOutcome.Failure("again", null)))
                .isInstanceOf(EpisodeStateException.class).hasMessageContaining("already completed");
        assertThatThrownBy(() -> engine.logStep(id, ok("grep")))
                .isInstanceOf(EpisodeStateException.class).hasMessageContaining("already completed");
        assertThat(store.findEpisode(id).orElseThrow()).isEqualTo(done);
        assertThat(store.countCompleted()).isEqualTo(1);
    }
}
