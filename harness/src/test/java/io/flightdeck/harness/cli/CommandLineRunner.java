package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the CLI in-process, capturing what it prints. */
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
}
