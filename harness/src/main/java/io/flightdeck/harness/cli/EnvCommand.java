package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.env.Environment;
import io.flightdeck.harness.env.EnvironmentProbe;
import io.flightdeck.harness.env.EnvironmentText;
import io.flightdeck.harness.report.Json;

/** {@code flightdeck env}: the machine and JVM, as a run's report records them. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Print the environment a run would record: CPU, memory, OS, JVM, GC, container limits.")
final class EnvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print environment.json instead of text")
    boolean asJson;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Environment env = EnvironmentProbe.probe();
        if (asJson) {
            out.println(Json.mapper().writeValueAsString(env));
        } else {
            EnvironmentText.lines(env).forEach(out::println);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
