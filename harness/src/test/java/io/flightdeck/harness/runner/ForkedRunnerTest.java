package io.flightdeck.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.flightdeck.child.ChildMain;

class ForkedRunnerTest {

    @Test
    void exitCodesAreExplained() {
        assertThat(ForkedRunner.exitDescription(137)).contains("signal 9", "SIGKILL", "out-of-memory killer");
        assertThat(ForkedRunner.exitDescription(143)).contains("signal 15", "SIGTERM");
        assertThat(ForkedRunner.exitDescription(ChildMain.EXIT_WORKLOAD_FAILED)).contains("the workload failed");
        assertThat(ForkedRunner.exitDescription(ChildMain.EXIT_BAD_SPEC)).contains("spec");
        assertThat(ForkedRunner.exitDescription(1)).isEqualTo("exited with code 1");
    }
}
