package io.flightdeck.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.run.LazyResults;
import io.flightdeck.child.files.AtomicFile;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.interchange.GithubBenchmarkFormat;
import io.flightdeck.harness.interchange.JmhFormat;

/** {@code flightdeck export RUN --format F}: a run's results in a format other tools read. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a run's results for other tools: github-action-benchmark's customSmallerIsBetter "
                + "(latencies, µs) or customBiggerIsBetter (throughputs) JSON, or JMH's JSON (-rf json).",
                "Exit code 0, or 2 on bad input."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "a run folder, its report.json, or a saved baseline")
    String run;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "smaller-is-better, bigger-is-better (github-action-benchmark) or jmh")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "the file (default: standard output)")
    Path out;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws Exception {
        ComparisonFiles.Compared source;
        try (LazyResults results = home.lazyResults()) {
            source = io.flightdeck.harness.run.RunSources.resolve(results, run);
        }
        Object document = switch (format.toLowerCase(Locale.ROOT)) {
            case "smaller-is-better", "customsmallerisbetter" -> GithubBenchmarkFormat.smallerIsBetter(source.report());
            case "bigger-is-better", "custombiggerisbetter" -> GithubBenchmarkFormat.biggerIsBetter(source.report());
            case "jmh" -> JmhFormat.of(source.report());
            default -> throw new UsageException("--format '" + format
                    + "': use smaller-is-better, bigger-is-better or jmh");
        };
        ObjectWriter writer = Json.mapper().writerWithDefaultPrettyPrinter();
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(writer.writeValueAsString(document));
            stdout.flush();
            return ExitCodes.OK;
        }
        try {
            AtomicFile.write(out, stream -> writer.writeValue(stream, document));
        } catch (IOException e) {
            throw new UsageException("cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("wrote " + out.toAbsolutePath().normalize());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
