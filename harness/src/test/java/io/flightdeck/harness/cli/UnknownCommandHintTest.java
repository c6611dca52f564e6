package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** A usage error points at the help of the command it was made in, naming that command once. */
class UnknownCommandHintTest {

    @Test
    void anUnknownCommandPointsAtTheTopLevelHelp() {
        CommandLineRunner r = CommandLineRunner.run("frobnicate");
        r.assertUsage("'frobnicate'");
        assertThat(r.err()).contains("(see: flightdeck --help)").doesNotContain("flightdeck flightdeck");
    }

    @Test
    void anUnknownOptionPointsAtItsSubcommandsHelp() {
        for (String name : Flightdeck.commandLine().getSubcommands().keySet()) {
            if (name.equals("help")) { // picocli's own: it prints the top level's help for what it does not know
                continue;
            }
            CommandLineRunner r = CommandLineRunner.run(name, "--no-such-option");
            r.assertUsage("flightdeck: "); // compare first misses its A and B
            assertThat(r.err()).as(name).contains("(see: flightdeck " + name + " --help)")
                    .doesNotContain("flightdeck flightdeck");
        }
    }

    @Test
    void theHintFollowsTheModelsQualifiedName() {
        CommandLine run = Flightdeck.commandLine().getSubcommands().get("run");
        assertThat(run.getCommandSpec().qualifiedName()).isEqualTo("flightdeck run");
    }
}
