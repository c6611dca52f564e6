package io.flightdeck.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.recording.RecordingAnalyses;
import io.flightdeck.harness.report.html.AnalysisPage;
import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.RecordingAnalyzer;
import io.flightdeck.profiling.RecordingException;

/** {@code flightdeck analyze FILE.jfr}: any recording to analysis.json, folded stacks, flame graphs and a short summary. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyse a Java Flight Recorder file (ours or any program's, JDK 11+): hot methods, "
                + "allocation sites, GC pauses and the post-GC heap trend, lock contention.",
                "Writes analysis.json, cpu.folded / alloc.folded / lock.folded (folded stacks) and "
                        + "flamegraph-cpu.html / -alloc.html / -lock.html (interactive flame graphs), and prints a summary. Exit code 0, or 2 for a file that is not a readable recording."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.jfr", description = "the recording")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "where to write (default: the recording's folder)")
    Path out;

    @Option(names = "--top", paramLabel = "N", description = "rows per ranking, 1 to " + OptionRules.MAX_TOP
            + " (default: ${DEFAULT-VALUE})",
            defaultValue = "20")
    int top;

    @Mixin
    RecordingWindow window;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new UsageException("--top must be at least 1, was " + top);
        }
        Analysis analysis;
        try {
            AnalysisOptions options = window.applyTo(AnalysisOptions.defaults().withTop(top), file);
            analysis = RecordingAnalyzer.analyze(file, options);
        } catch (RecordingException e) {
            throw new UsageException(e.getMessage());
        }
        Path dir = outputDirectory();
        RecordingAnalyses.Written written = RecordingAnalyses.write(dir, analysis, 1, String.valueOf(file.getFileName()));
        AnalysisSummary.print(spec.commandLine().getOut(), analysis, Math.min(top, 5));
        Path page = AnalysisPage.write(analysis, dir, written.flameGraphs().stream()
                .map(g -> g.getFileName().toString()).toList()); // written into dir
        spec.commandLine().getOut().println("report: " + page.toAbsolutePath().normalize().toUri());
        spec.commandLine().getOut().println("analysis: " + written.analysis());
        for (Path graph : written.flameGraphs()) {
            spec.commandLine().getOut().println("flame graph: " + graph);
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
}
