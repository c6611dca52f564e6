package io.flightdeck.harness.cli;

import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** What a command hands the library about how it was called (the checks of its input are the library's). */
final class RunInputs {

    private RunInputs() {
    }

    /** The command line as the user typed it, recorded in the report: none when the command was not parsed. */
    static List<String> arguments(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        return parsed == null ? List.of() : parsed.originalArgs();
    }
}
