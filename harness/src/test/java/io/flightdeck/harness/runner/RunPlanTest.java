package io.flightdeck.harness.runner;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.flightdeck.harness.suite.Suite;
import io.flightdeck.api.Scale;

/** A plan a child JVM could not carry out is refused when it is made, for callers of the library too. */
class RunPlanTest {

    private static RunPlan plan(int coldStart, int warmup, int iterations, long millis, int forks, long timeout) {
        Suite s = new Suite("s", "d", Scale.SMALL, coldStart, warmup, iterations, millis, forks, "256m", timeout,
                List.of(), List.of());
        return new RunPlan("r", Path.of("x"), s, List.of(), Map.of(), 1, "-XX:+UseG1GC", true, "profile", false);
    }

    @Test
    void aSensiblePlanIsMade() {
        assertThatCode(() -> plan(0, 0, 1, 1, 1, 1)).doesNotThrowAnyException();
    }

    @Test
    void numbersNoChildCanRunAreRefused() {
        assertThatThrownBy(() -> plan(0, 0, 1, 1, 0, 1)).hasMessageContaining("forks must be at least 1, was 0");
        assertThatThrownBy(() -> plan(0, 0, 0, 1, 1, 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> plan(0, -1, 1, 1, 1, 1)).hasMessageContaining("warm-up");
        assertThatThrownBy(() -> plan(-1, 0, 1, 1, 1, 1)).hasMessageContaining("cold-start");
        assertThatThrownBy(() -> plan(0, 0, 1, 0, 1, 1)).hasMessageContaining("1 ms");
        assertThatThrownBy(() -> plan(0, 0, 1, 1, 1, 0)).hasMessageContaining("time limit");
    }
}
