package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A request for help or the version is answered even when another option's value breaks its rule. */
class HelpBeforeRulesTest {

    @Test
    void helpIsPrintedWhateverTheOtherOptionsSay() {
        CommandLineRunner r = CommandLineRunner.run("run", "--forks", "0", "--help");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Usage: flightdeck run");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void versionIsPrintedWhateverTheOtherOptionsSay() {
        CommandLineRunner r = CommandLineRunner.run("--version", "run", "--forks", "0");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theRulesStillHoldWithoutHelp() {
        CommandLineRunner.run("run", "--forks", "0").assertUsage("--forks must be from 1");
    }
}
