package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.env.Environment;
import io.flightdeck.harness.env.EnvironmentProbe;
import io.flightdeck.harness.env.EnvironmentText;
import io.flightdeck.harness.env.NoiseMonitor;
import io.flightdeck.harness.env.NoiseReport;
import io.flightdeck.child.files.Json;

/** {@code flightdeck env}: the machine and JVM, as a run's report records them, and whether it is quiet now. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Print the environment a run would record: CPU, memory, OS, JVM, GC, container limits, "
                + "and a short noise check (CPU used by other processes, swap, governor)."})
final class EnvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print environment.json instead of text")
    boolean asJson;

    @Option(names = "--sample", paramLabel = "SECONDS", defaultValue = "3",
            description = "watch the machine this long for noise, 0 to skip, at most " + OptionRules.MAX_SAMPLE_SECONDS
                    + " (default: ${DEFAULT-VALUE})")
    int sampleSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        NoiseMonitor monitor = sampleSeconds > 0 ? NoiseMonitor.start(Duration.ofMillis(500)) : null;
        Environment env = EnvironmentProbe.probe();
        if (asJson) {
            if (monitor != null) {
                monitor.stop();
            }
            out.println(Json.mapper().writeValueAsString(env));
            out.flush();
            return ExitCodes.OK;
        }
        EnvironmentText.lines(env).forEach(out::println);
        if (monitor != null) {
            Thread.sleep(Math.max(0, sampleSeconds * 1000L - 100));
            NoiseReport noise = monitor.stop();
            out.printf(Locale.ROOT, "noise:       %s over %.1f s: other processes used %.2f cores on average, %.2f at most%n",
                    noise.quiet() ? "quiet" : "NOT QUIET", noise.durationMillis() / 1000.0, noise.meanOtherCpuCores(),
                    noise.maxOtherCpuCores());
            noise.warnings().forEach(w -> out.println("warning:     " + w));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
