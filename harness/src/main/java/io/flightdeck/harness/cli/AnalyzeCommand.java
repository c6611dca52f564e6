package io.flightdeck.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.run.RecordingAnalyses;
import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.ChunkHeader;
import io.flightdeck.profiling.RecordingAnalyzer;
import io.flightdeck.profiling.RecordingException;

/** {@code flightdeck analyze FILE.jfr}: any recording to analysis.json, folded stacks, flame graphs and a short summary. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyse a Java Flight Recorder file (ours or any program's, JDK 11+): hot methods, "
                + "allocation sites, GC pauses and the post-GC heap trend, lock contention.",
                "Writes analysis.json, cpu.folded / alloc.folded / lock.folded (folded stacks) and "
                        + "flamegraph-cpu.html / -alloc.html / -lock.html (interactive flame graphs), and prints a summary. Exit code 0, or 2 for a file that is not a readable recording."})
public final class AnalyzeCommand implements Callable<Integer> {

    private static final Pattern RELATIVE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.jfr", description = "the recording")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "where to write (default: the recording's folder)")
    Path out;

    @Option(names = "--top", paramLabel = "N", description = "rows per ranking (default: ${DEFAULT-VALUE})",
            defaultValue = "20")
    int top;

    @Option(names = "--from", paramLabel = "T",
            description = "only events from T: an offset from the recording's start (30s, 1.5m, 500ms) or an ISO instant")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "only events before T, as for --from")
    String to;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new UsageException("--top must be at least 1, was " + top);
        }
        Analysis analysis;
        try {
            Instant start = (from != null || to != null) ? ChunkHeader.read(file).start() : null;
            Instant fromInstant = instant("--from", from, start);
            Instant toInstant = instant("--to", to, start);
            if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
                throw new UsageException("--to must be later than --from");
            }
            AnalysisOptions options = AnalysisOptions.defaults().withTop(top).withWindow(fromInstant, toInstant);
            analysis = RecordingAnalyzer.analyze(file, options);
        } catch (RecordingException e) {
            throw new UsageException(e.getMessage());
        }
        Path dir = outputDirectory();
        RecordingAnalyses.Written written = RecordingAnalyses.write(dir, analysis, 1, String.valueOf(file.getFileName()));
        AnalysisSummary.print(spec.commandLine().getOut(), analysis, Math.min(top, 5));
        spec.commandLine().getOut().println("analysis: " + written.analysis());
        for (Path page : written.flameGraphs()) {
            spec.commandLine().getOut().println("flame graph: " + page);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private Path outputDirectory() {
        try {
            Path dir = out != null ? out : file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new UsageException("--out " + dir + " is not writable");
            }
            return dir;
        } catch (IOException | InvalidPathException e) {
            throw new UsageException("cannot create the output folder: " + e.getMessage());
        }
    }

    /** "30s" from the start, or an ISO-8601 instant; null stays null. */
    static Instant instant(String option, String value, Instant recordingStart) {
        if (value == null) {
            return null;
        }
        Matcher m = RELATIVE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double nanos = amount * switch (m.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            return recordingStart.plusNanos((long) nanos);
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + value + "': use an offset such as 30s, 1.5m, 500ms or an "
                    + "instant such as 2026-11-27T10:15:30Z");
        }
    }
}
