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
                "Writes report.html, analysis.json, cpu.folded / alloc.folded / lock.folded (folded stacks) and "
                        + "flamegraph-cpu.html / -alloc.html / -lock.html (interactive flame graphs) into NAME-analysis/ "
                        + "beside NAME.jfr (or --out DIR), and prints a summary. Exit code 0, or 2 for a file that is "
                        + "not a readable recording or a NAME-analysis/ that exists already (--force replaces it)."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.jfr", description = "the recording")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "where to write (default: NAME-analysis/ beside NAME.jfr, refused if it exists)")
    Path out;

    @Option(names = "--force", description = "replace the NAME-analysis/ folder of an earlier analysis")
    boolean force;

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
            if (out == null) {
                AnalysisFolder.refuseExisting(AnalysisFolder.besides(file), force); // before the long part
            }
            analysis = RecordingAnalyzer.analyze(file, options);
        } catch (RecordingException e) {
            throw new UsageException(e.getMessage());
        }
        RecordingAnalyses.Written written;
        if (out != null) {
            written = write(analysis, outputDirectory());
        } else {
            AnalysisFolder folder = AnalysisFolder.claim(AnalysisFolder.besides(file), force);
            try {
                RecordingAnalyses.Written staged = write(analysis, folder.staging());
                folder.publish(force);
                // the same files, now under their folder's own name
                written = new RecordingAnalyses.Written(folder.moved(staged.analysis()),
                        staged.flameGraphs().stream().map(folder::moved).toList());
            } catch (IOException | RuntimeException e) {
                folder.abandon();
                throw e;
            }
        }
        Path page = written.analysis().resolveSibling(AnalysisPage.FILE);
        AnalysisSummary.print(spec.commandLine().getOut(), analysis, Math.min(top, 5));
        spec.commandLine().getOut().println("report: " + page.toAbsolutePath().normalize().toUri());
        spec.commandLine().getOut().println("analysis: " + written.analysis());
        for (Path graph : written.flameGraphs()) {
            spec.commandLine().getOut().println("flame graph: " + graph);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** Everything into {@code dir}: analysis.json, the folded stacks, the flame graphs and the page that links them. */
    private RecordingAnalyses.Written write(Analysis analysis, Path dir) throws IOException {
        RecordingAnalyses.Written written = RecordingAnalyses.write(dir, analysis, 1, String.valueOf(file.getFileName()));
        AnalysisPage.write(analysis, dir, written.flameGraphs().stream()
                .map(g -> g.getFileName().toString()).toList()); // written into dir
        return written;
    }

    private Path outputDirectory() {
        try {
            Path dir = out;
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
