package io.flightdeck.harness.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunLayoutTest {

    @Test
    void forkFilesCarryTheForkNumberFromTheSecondOn() {
        assertThat(RunLayout.forkFile(RunLayout.RECORDING, "jfr", 1)).isEqualTo("recording.jfr");
        assertThat(RunLayout.forkFile(RunLayout.RECORDING, "jfr", 3)).isEqualTo("recording-fork-3.jfr");
        assertThat(RunLayout.flameGraph("cpu", 2)).isEqualTo("flamegraph-cpu-fork-2.html");
        assertThat(RunLayout.folded("wall", 1)).isEqualTo("wall.folded");
    }

    @Test
    void everyFileAForkWritesIsOneTheNextRunClears() {
        for (String base : new String[] {RunLayout.RECORDING, RunLayout.RESULT, RunLayout.SPEC}) {
            assertThat(RunLayout.isForkFile(RunLayout.forkFile(base, base.equals(RunLayout.RECORDING) ? "jfr" : "json",
                    4))).as(base).isTrue();
        }
        assertThat(RunLayout.isForkFile(RunLayout.folded("wall", 3))).isTrue();
        assertThat(RunLayout.isForkFile(RunLayout.differentialFlameGraph("cpu"))).isTrue();
        assertThat(RunLayout.isForkFile("notes.txt")).as("a user's file").isFalse();
    }
}
