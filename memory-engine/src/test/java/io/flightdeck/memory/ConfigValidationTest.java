package io.flightdeck.memory;

import io.flightdeck.memory.error.InvalidConfigException;
import io.flightdeck.memory.storage.sqlite.SqliteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings the engine cannot work with are refused when the configuration is built, with the engine's own
 * exception naming the setting and the value, not later as a NaN score, a never-firing flush or an overflow.
 */
class ConfigValidationTest {

    private static void assertRejected(Executable build, String setting) {
        assertThatThrownBy(build::execute).isInstanceOf(InvalidConfigException.class).hasMessageContaining(setting);
    }

    @Test
    void retrievalWeightsMustBeFinite() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.1}) {
            assertRejected(() -> new RetrievalWeights(bad, 0.2, 0.1, 0.1, 0.15), "retrieval weights");
            assertRejected(() -> new RetrievalWeights(0.45, 0.2, 0.1, 0.1, bad), "retrieval weights");
        }
        assertRejected(() -> new RetrievalWeights(0, 0, 0, 0, 0), "retrieval weights");
        // finite weights whose sum overflows
        assertRejected(() -> new RetrievalWeights(Double.MAX_VALUE, Double.MAX_VALUE, 0, 0, 0), "retrieval weights");
        RetrievalWeights w = new RetrievalWeights(2, 2, 0, 0, 0);
        assertThat(w.text()).isEqualTo(0.5);
    }

    @Test
    void thresholdsMustBeFiniteAndInRange() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1}) {
            assertRejected(() -> MemoryConfig.builder().heuristicMinConfidence(bad).build(), "heuristicMinConfidence");
            assertRejected(() -> MemoryConfig.builder().learningQualityThreshold(bad).build(),
                    "learningQualityThreshold");
            assertRejected(() -> MemoryConfig.builder().successThreshold(bad).build(), "successThreshold");
            assertRejected(() -> MemoryConfig.builder().mmrLambda(bad).build(), "mmrLambda");
        }
        assertThat(MemoryConfig.builder().learningQualityThreshold(null).build().learningQualityThreshold()).isNull();
        assertThat(MemoryConfig.builder().heuristicMinConfidence(3.0).build().heuristicMinConfidence()).isEqualTo(3.0);
    }

    @Test
    void durationsMustBeUsable() {
        assertRejected(() -> MemoryConfig.builder().stepFlushInterval(Duration.ofMillis(-1)).build(),
                "stepFlushInterval");
        assertRejected(() -> MemoryConfig.builder().recencyHalfLife(Duration.ofNanos(10)).build(), "recencyHalfLife");
        assertRejected(() -> MemoryConfig.builder().recencyHalfLife(Duration.ofSeconds(Long.MAX_VALUE)).build(),
                "recencyHalfLife");
        // zero flushes every step; a huge interval means "by count only": neither may overflow at open
        MemoryEngine.inMemory(MemoryConfig.builder().stepFlushInterval(Duration.ZERO).build()).close();
        MemoryEngine.inMemory(MemoryConfig.builder().stepFlushInterval(Duration.ofSeconds(Long.MAX_VALUE)).build())
                .close();
    }

    @Test
    void countsMustBeInRange() {
        assertRejected(() -> MemoryConfig.builder().stepFlushCount(0).build(), "stepFlushCount");
        assertRejected(() -> MemoryConfig.builder().maxEpisodes(-1).build(), "maxEpisodes");
        assertRejected(() -> MemoryConfig.builder().evictionSampleSize(0).build(), "evictionSampleSize");
        assertRejected(() -> MemoryConfig.builder().evictionSampleSize(Integer.MAX_VALUE).build(),
                "evictionSampleSize");
        assertRejected(() -> MemoryConfig.builder().candidatesPerTerm(0).build(), "candidatesPerTerm");
        assertRejected(() -> MemoryConfig.builder().maxSequenceLength(1).build(), "maxSequenceLength");
        assertRejected(() -> MemoryConfig.builder().heuristicMinSamples(0).build(), "heuristicMinSamples");
    }

    @Test
    void missingSettingsAreNamed() {
        List<Executable> builds = List.of(
                () -> MemoryConfig.builder().stepFlushInterval(null).build(),
                () -> MemoryConfig.builder().evictionPolicy(null).build(),
                () -> MemoryConfig.builder().limits(null).build(),
                () -> MemoryConfig.builder().weights(null).build(),
                () -> MemoryConfig.builder().recencyHalfLife(null).build(),
                () -> MemoryConfig.builder().clock(null).build());
        for (Executable build : builds) {
            assertThatThrownBy(build::execute).isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("must be given");
        }
    }

    @Test
    void inputLimitsMustBePositiveAndNamed() {
        assertRejected(() -> new InputLimits(0, 1_000, 10_000, 1_000_000, 10_000_000L, 1_000, 256, 10_000, 10_000),
                "maxDescriptionBytes");
        assertRejected(() -> new InputLimits(10_000, 1_000, 10_000, 1_000_000, 10_000_000L, 1_000, 0, 10_000, 10_000),
                "maxNameBytes");
        assertRejected(() -> new InputLimits(10_000, 1_000, 10_000, 1_000_000, -1, 1_000, 256, 10_000, 10_000),
                "maxEpisodeBytes");
    }

    @Test
    void sqliteOptionsAreConfigErrorsToo() {
        assertRejected(() -> new SqliteOptions(SqliteOptions.Durability.NORMAL, Duration.ofMillis(-1), false),
                "busyTimeout");
        assertRejected(() -> new SqliteOptions(null, Duration.ZERO, false), "durability");
    }
}
