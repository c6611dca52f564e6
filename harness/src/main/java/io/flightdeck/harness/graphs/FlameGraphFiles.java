package io.flightdeck.harness.graphs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.DiffFolded;
import io.flightdeck.flamegraphs.FoldedFormat;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.diff.MethodDiff;
import io.flightdeck.flamegraphs.html.HtmlFlameGraph;
import io.flightdeck.flamegraphs.svg.SvgFlameGraph;
import io.flightdeck.child.files.AtomicFile;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.profiling.Analysis;

/** Flame graph files, written whole or not at all, in the format their name asks for. */
public final class FlameGraphFiles {

    private FlameGraphFiles() {
    }

    /** One profile's graph. */
    public static void write(Path file, CallTree tree, GraphInfo info) throws IOException {
        GraphFormat format = requireFormat(file);
        AtomicFile.write(file, stream -> {
            Writer out = writer(stream);
            switch (format) {
                case HTML -> HtmlFlameGraph.write(tree, info, out);
                case SVG -> SvgFlameGraph.write(tree, info, out);
                case FOLDED -> FoldedFormat.write(tree, out);
            }
            out.flush();
        });
    }

    /** A differential graph: shaped like {@code current}, coloured by the change from {@code baseline}. */
    public static void writeDiff(Path file, CallTree baseline, CallTree current, GraphInfo info) throws IOException {
        writeDiff(file, baseline, current, MethodDiff.of(baseline, current, info.unit()), info);
    }

    /** The same with the method-by-method comparison already made (frames are coloured by it). */
    public static void writeDiff(Path file, CallTree baseline, CallTree current, MethodDiff methods, GraphInfo info)
            throws IOException {
        GraphFormat format = requireFormat(file);
        AtomicFile.write(file, stream -> {
            Writer out = writer(stream);
            switch (format) {
                case HTML -> HtmlFlameGraph.writeDiff(baseline, current, methods, info, out);
                case SVG -> SvgFlameGraph.writeDiff(baseline, current, methods, info, out);
                case FOLDED -> DiffFolded.write(baseline, current, out);
            }
            out.flush();
        });
    }

    /**
     * The interactive graphs of a recording's analysis beside it: {@code flamegraph-cpu.html},
     * {@code flamegraph-alloc.html} and, when threads waited on locks, {@code flamegraph-lock.html} (a later
     * fork's carry its number). A profile with no samples gets no file, and an older file of that name is removed,
     * so a graph in the folder is always this analysis's. Returns the pages written.
     */
    public static List<Path> writeAll(Path dir, Analysis analysis, int fork, String title) throws IOException {
        Objects.requireNonNull(title, "title");
        List<Path> written = new ArrayList<>();
        for (ProfileKind kind : ProfileKind.values()) {
            Path file = dir.resolve(fileName(kind, fork));
            CallTree tree = kind.tree(analysis);
            boolean wanted = (kind != ProfileKind.LOCK && kind != ProfileKind.WALL) || tree.totalWeight() > 0;
            if (wanted) {
                write(file, tree, kind.info(analysis, title));
                written.add(file);
            } else {
                Files.deleteIfExists(file);
            }
        }
        return written;
    }

    /** {@code flamegraph-cpu.html}, {@code flamegraph-cpu-fork-2.html}. */
    public static String fileName(ProfileKind kind, int fork) {
        return RunLayout.flameGraph(kind.option(), fork);
    }

    /**
     * How a report names a page by its path: "cpu" for ".../flamegraph-cpu.html", "cpu, fork 2" for
     * ".../flamegraph-cpu-fork-2.html", "cpu-diff" for a differential one.
     */
    public static String label(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1).replace("flamegraph-", "").replace(".html", "");
        return file.replace("-fork-", ", fork ");
    }

    private static GraphFormat requireFormat(Path file) {
        GraphFormat format = GraphFormat.of(file);
        if (format == null) {
            throw new IllegalArgumentException(file + ": a flame graph file ends in .html, .svg or .folded");
        }
        return format;
    }

    private static Writer writer(java.io.OutputStream stream) {
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
    }
}
