package io.flightdeck.harness.recording;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FoldedFormat;
import io.flightdeck.child.files.AtomicFile;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.graphs.FlameGraphFiles;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.profiling.Analysis;

/**
 * The files an analysis leaves beside its recording: {@code analysis.json}, the call trees as folded stacks
 * ({@code cpu.folded}, {@code alloc.folded}, {@code lock.folded}) and as interactive flame graphs
 * ({@code flamegraph-cpu.html} and so on, see {@link FlameGraphFiles#writeAll}). A second fork's get its number:
 * {@code analysis-fork-2.json}, {@code cpu-fork-2.folded}.
 */
public final class RecordingAnalyses {

    public static final String ANALYSIS = RunLayout.ANALYSIS;

    private RecordingAnalyses() {
    }

    /** What was written: the analysis.json and the flame graph pages. */
    public record Written(Path analysis, List<Path> flameGraphs) {
    }

    /** Writes the files, the flame graphs titled {@code title}. */
    public static Written write(Path dir, Analysis analysis, int fork, String title) throws IOException {
        Path json = dir.resolve(RunLayout.forkFile(ANALYSIS, "json", fork));
        Json.writeAtomically(Json.mapper(), json, analysis);
        folded(dir.resolve(RunLayout.folded("cpu", fork)), analysis.stacks().cpu());
        folded(dir.resolve(RunLayout.folded("alloc", fork)), analysis.stacks().allocation());
        folded(dir.resolve(RunLayout.folded("lock", fork)), analysis.stacks().locks());
        folded(dir.resolve(RunLayout.folded("wall", fork)), analysis.stacks().wall());
        List<Path> pages = FlameGraphFiles.writeAll(dir, analysis, fork, title);
        return new Written(json, pages);
    }

    private static void folded(Path file, CallTree tree) throws IOException {
        if (tree.totalWeight() == 0) {
            Files.deleteIfExists(file); // an empty profile has no flame graph; an old file must not pass for one
            return;
        }
        AtomicFile.write(file, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            FoldedFormat.write(tree, w);
            w.flush();
        });
    }
}
