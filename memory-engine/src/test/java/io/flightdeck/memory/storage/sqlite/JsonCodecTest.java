package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.error.StorageException;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.Reflection;
import io.flightdeck.memory.model.RewardScore;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCodecTest {

    private final JsonCodec codec = new JsonCodec();

    @Test
    void stepsOfEveryResultVariantRoundTripExactly() {
        for (ExecutionStep step : Fixtures.steps(0, 8)) {
            String json = codec.write(step);
            assertThat(codec.readStep(json)).isEqualTo(step);
        }
    }

    @Test
    void stepJsonCarriesTheDiscriminatorAndNoDerivedProperties() {
        String json = codec.write(Fixtures.step(1));
        assertThat(json).contains("\"type\":\"error\"").contains("\"timestamp\":\"2025-03-14T09:26:53.591027805Z\"")
                .doesNotContain("\"success\"").doesNotContain("succeeded").doesNotContain("failed");
    }

    @Test
    void nullResultAndNullTokensStayNull() {
        ExecutionStep step = Fixtures.step(3);
        assertThat(step.result()).isNull();
        assertThat(step.tokensUsed()).isNull();
        ExecutionStep back = codec.readStep(codec.write(step));
        assertThat(back.result()).isNull();
        assertThat(back.tokensUsed()).isNull();
    }

    @Test
    void everyOutcomeVariantRoundTrips() {
        for (TaskOutcome outcome : Fixtures.everyOutcome()) {
            assertThat(codec.readOutcome(codec.write(outcome))).isEqualTo(outcome);
        }
    }

    @Test
    void everyPatternVariantRoundTripsWithItsId() {
        for (Pattern pattern : Fixtures.everyPattern(UUID.randomUUID())) {
            Pattern back = codec.readPattern(codec.write(pattern));
            assertThat(back).isEqualTo(pattern).isInstanceOf(pattern.getClass());
            assertThat(back.key()).isEqualTo(pattern.key());
        }
    }

    @Test
    void contextsRewardReflectionHeuristicIdsAndMetadataRoundTrip() {
        for (TaskContext c : List.of(Fixtures.RUST_WEB, Fixtures.PLAIN)) {
            assertThat(codec.readContext(codec.write(c))).isEqualTo(c);
        }
        RewardScore reward = new RewardScore(0.1 + 0.2, 1e-300, -0.3, 1.5, 1.1, Double.MIN_VALUE, 0.0);
        assertThat(codec.readReward(codec.write(reward))).isEqualTo(reward);
        Reflection reflection = new Reflection(List.of("a"), List.of(), List.of("b", "c"));
        assertThat(codec.readReflection(codec.write(reflection))).isEqualTo(reflection);
        Heuristic h = Fixtures.heuristic(UUID.randomUUID(), UUID.randomUUID());
        assertThat(codec.readHeuristic(codec.write(h))).isEqualTo(h);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        assertThat(codec.readUuidList(codec.write(ids))).isEqualTo(ids);
        assertThat(codec.readUuidList(codec.write(List.of()))).isEmpty();
        Map<String, String> metadata = Map.of("k", "v", "empty", "", "ü", "\u0000");
        assertThat(codec.readMetadata(codec.write(metadata))).isEqualTo(metadata);
    }

    @Test
    void nullIsWrittenAsSqlNullAndReadBackAsNull() {
        assertThat(codec.write(null)).isNull();
        assertThat(codec.readOutcome(null)).isNull();
        assertThat(codec.readReward(null)).isNull();
    }

    @Test
    void unreadableJsonIsAStorageExceptionSayingWhatWasBeingRead() {
        assertThatThrownBy(() -> codec.readOutcome("{\"type\":\"victory\"}"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("stored outcome cannot be read back")
                .hasMessageContaining("victory");
        assertThatThrownBy(() -> codec.readStep("{\"stepNumber\":1,\"timestamp\":\"yesterday\",\"tool\":\"x\"}"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("stored step");
    }
}
