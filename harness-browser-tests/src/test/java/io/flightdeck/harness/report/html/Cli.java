package io.flightdeck.harness.report.html;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

import io.flightdeck.harness.cli.Flightdeck;

/** The Flightdeck command line run in-process, with what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Flightdeck.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Cli(cl.execute(args), out.toString(), err.toString());
    }
}
