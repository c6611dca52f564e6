package io.flightdeck.harness.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.child.files.Json;

/** The checker itself, on a made-up truth and profile: shares over the measured threads, and what counts as off. */
class TruthCheckTest {

    static final String TRUTH = """
            {"program":"made-up",
             "cpuNanosByMethod":{"a.B.hot":600,"a.B.cold":200},
             "cpuNanosByThread":{"worker":800,"helper":200}}""";

    /** A profile that saw 300 samples of hot and 100 of cold on worker, 100 on helper, and 500 on a JIT thread. */
    static ProfileFigures profile(long hot, long cold) {
        Map<String, Long> methods = Map.of("a.B.hot", hot, "a.B.cold", cold);
        Map<String, Long> threads = Map.of("worker", hot + cold, "helper", 100L, "C2 CompilerThread0", 500L);
        return new ProfileFigures() {
            @Override
            public long cpuInclusive(String method) {
                return methods.getOrDefault(method, 0L);
            }

            @Override
            public long cpuOfThread(String thread) {
                return threads.getOrDefault(thread, 0L);
            }

            @Override
            public long allocatedAt(String method) {
                return 0;
            }

            @Override
            public long allocatedBy(String thread) {
                return 0;
            }

            @Override
            public long blockedOf(String thread) {
                return 0;
            }

            @Override
            public List<String> blockedThreads() {
                return List.of();
            }
        };
    }

    static JsonNode truth() throws Exception {
        return Json.mapper().readTree(TRUTH);
    }

    @Test
    void sharesAreOfTheProgramsOwnThreadsOnBothSides() throws Exception {
        List<TruthCheck.Row> rows = TruthCheck.cpuByMethod("test", truth(), profile(300, 100));
        assertThat(rows).extracting(TruthCheck.Row::item).containsExactly("a.B.hot", "a.B.cold");
        // truth: 600 of 1,000 ns; profile: 300 of 500 samples (the JIT thread's 500 are not the program's)
        assertThat(rows.get(0).truth()).isCloseTo(60, within(1e-9));
        assertThat(rows.get(0).profile()).isCloseTo(60, within(1e-9));
        assertThat(rows.get(1).diff()).isCloseTo(0, within(1e-9));
        TruthCheck.assertWithin(rows, 3);
    }

    @Test
    void anItemMoreThanTheToleranceOffFailsAndIsNamed() throws Exception {
        // hot 350 of 550 = 63.6 %, truth 60 %: 3.6 points off
        List<TruthCheck.Row> rows = TruthCheck.cpuByMethod("test", truth(), profile(350, 100));
        assertThat(rows.get(0).diff()).isCloseTo(100.0 * 350 / 550 - 60, within(1e-9));
        assertThatThrownBy(() -> TruthCheck.assertWithin(rows, 3)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("a.B.hot").hasMessageContaining("+3.6");
    }

    @Test
    void aMethodTheProfileNeverSawIsZeroNotMissing() throws Exception {
        List<TruthCheck.Row> rows = TruthCheck.cpuByMethod("test", truth(), profile(0, 100));
        assertThat(rows.get(0).profile()).isZero();
        assertThat(rows.get(0).truth()).isCloseTo(60, within(1e-9));
    }

    @Test
    void aTruthWithoutTheFigureIsRefused() throws Exception {
        JsonNode other = Json.mapper().readTree("{\"program\":\"x\"}");
        assertThatThrownBy(() -> TruthCheck.cpuByThread("test", other, profile(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpuNanosByThread");
    }
}
