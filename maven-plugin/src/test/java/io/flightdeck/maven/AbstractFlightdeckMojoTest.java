package io.flightdeck.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class AbstractFlightdeckMojoTest {

    private static FlightdeckInvocation.Outcome exit(int code, String line) {
        return new FlightdeckInvocation.Outcome(code, line, Path.of("target/flightdeck/runs/x"));
    }

    @Test
    void everyCheckHeldPasses() {
        assertThatCode(() -> AbstractFlightdeckMojo.judge(exit(0, null), true, new SystemStreamLog()))
                .doesNotThrowAnyException();
    }

    @Test
    void aFailedCheckFailsTheBuildOnlyWhenAsked() {
        assertThatCode(() -> AbstractFlightdeckMojo.judge(exit(1, null), false, new SystemStreamLog()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AbstractFlightdeckMojo.judge(exit(1, null), true, new SystemStreamLog()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("a check failed");
    }

    @Test
    void exitCodeTwoAlwaysFailsWithFlightdecksLine() {
        assertThatThrownBy(() -> AbstractFlightdeckMojo.judge(exit(2, "flightdeck: the history could not be written"),
                false, new SystemStreamLog()))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("flightdeck: the history could not be written");
    }

    @Test
    void flightdeckFailingIsAnExecutionError() {
        assertThatThrownBy(() -> AbstractFlightdeckMojo.judge(exit(3, "flightdeck: internal error: boom"), false,
                new SystemStreamLog()))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Flightdeck failed (exit code 3): flightdeck: internal error: boom");
    }
}
