package io.flightdeck.memory.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        GeneratorConfig c = GeneratorConfig.defaults();
        assertThat(c.minSteps()).isEqualTo(5);
        assertThat(c.maxSteps()).isEqualTo(10);
        assertThat(c.successRate() + c.errorRate() + c.timeoutRate()).isEqualTo(1.0);
        assertThat(c.baseTime()).isEqualTo(GeneratorConfig.DEFAULT_BASE_TIME);
    }

    @Test
    void rejectsInconsistentSettings() {
        GeneratorConfig c = GeneratorConfig.defaults();
        assertThatThrownBy(() -> c.withSteps(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withSteps(6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withExactSteps(1_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withMix(0.8, 0.1, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withMix(1.2, -0.2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withEpisodeSpacing(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EpisodeGenerator(1).next(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
