package io.flightdeck.engine.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

import io.flightdeck.harness.cli.ExitCodes;
import io.flightdeck.harness.cli.Flightdeck;

/** Runs Flightdeck's command line in-process with the engine's workloads on the class path, capturing its output. */
record CommandLineRunner(int exitCode, String out, String err) {

    static CommandLineRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Flightdeck.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandLineRunner(code, out.toString(), err.toString());
    }

    /** Bad input: exit code 2 and one line on stderr naming the problem, no stack trace. */
    void assertUsage(String expected) {
        assertThat(exitCode).as(out + err).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains(expected).doesNotContain("Exception");
        assertThat(err.strip()).doesNotContain("\n").doesNotContain("\tat ");
    }
}
