package io.flightdeck.harness.cli;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FoldedFormat;
import io.flightdeck.flamegraphs.FoldedFormatException;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.WeightUnit;
import io.flightdeck.harness.graphs.FlameGraphFiles;
import io.flightdeck.harness.graphs.GraphFormat;
import io.flightdeck.harness.graphs.ProfileKind;
import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.RecordingAnalyzer;
import io.flightdeck.profiling.RecordingException;

/**
 * {@code flightdeck flamegraph INPUT [--event cpu|alloc|lock] [--diff BASELINE] [-o OUT]}: a recording or a folded
 * file to an interactive HTML page, a static SVG or folded stacks; with {@code --diff}, a differential graph.
 */
@Command(name = "flamegraph", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a flame graph of a Java Flight Recorder file or of folded stacks "
                + "(frame;frame;frame weight, as flamegraph.pl, async-profiler and speedscope write).",
                "OUT's ending picks the format: .html (interactive, self-contained), .svg (static image) or "
                        + ".folded (stacks; with --diff, 'stack base current' lines as difffolded.pl writes).",
                "Exit code 0, or 2 for input that cannot be read (a malformed folded line is named by its number)."})
public final class FlameGraphCommand implements Callable<Integer> {

    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "a .jfr recording or a folded stacks file")
    Path input;

    @Option(names = "--event", paramLabel = "KIND", defaultValue = "cpu",
            description = "which profile of a recording: cpu, alloc, lock or wall (async-profiler's wall-clock "
                    + "samples) (default: ${DEFAULT-VALUE}); for a "
                    + "folded file it only sets the default unit")
    String event;

    @Option(names = "--diff", paramLabel = "BASELINE",
            description = "a recording or folded file to compare with: the graph is INPUT's, coloured by the change "
                    + "in each frame's share (red grew, blue shrank, hatched new)")
    Path baseline;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT",
            description = "the file to write, ending in .html, .svg or .folded (default: beside INPUT, "
                    + "INPUT's name with -EVENT.html, or -diff.html)")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "the graph's heading (default: INPUT's file name)")
    String title;

    @Option(names = "--unit", paramLabel = "UNIT",
            description = "what a folded file's weights count: samples, bytes or ns (default: from --event)")
    String unit;

    @Mixin
    RecordingWindow window; // recordings only

    @Override
    public Integer call() throws Exception {
        ProfileKind kind = ProfileKind.of(event);
        if (kind == null) {
            throw new UsageException("--event '" + event + "': use cpu, alloc, lock or wall");
        }
        WeightUnit weightUnit = unit(kind);
        Path target = out != null ? out : defaultOut(kind);
        if (GraphFormat.of(target) == null) {
            throw new UsageException("-o " + target + ": end the name in .html, .svg or .folded");
        }
        Profile current = read(input, kind, weightUnit);
        GraphInfo info = current.info();
        try {
            if (baseline != null) {
                Profile before = read(baseline, kind, weightUnit);
                info = info.withNote("Baseline: " + baseline + " (total " + before.tree().totalWeight() + " "
                        + before.info().unit().symbol() + ").");
                FlameGraphFiles.writeDiff(target, before.tree(), current.tree(), info);
            } else {
                FlameGraphFiles.write(target, current.tree(), info);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + ": " + e.getMessage());
        }
        var stdout = spec.commandLine().getOut();
        if (current.tree().totalWeight() == 0) {
            stdout.println("no samples: " + input + " has no " + kind.option() + " stacks; the page says so");
        }
        stdout.println("flame graph: " + target.toAbsolutePath().normalize() + " (" + current.tree().nodeCount()
                + " frames, total " + current.tree().totalWeight() + " " + info.unit().symbol() + ")");
        stdout.flush();
        return ExitCodes.OK;
    }

    private WeightUnit unit(ProfileKind kind) {
        if (unit == null) {
            return kind.unit();
        }
        return Arrays.stream(WeightUnit.values())
                .filter(u -> u.symbol().equals(unit.toLowerCase(Locale.ROOT)) || u.name().equalsIgnoreCase(unit))
                .findFirst()
                .orElseThrow(() -> new UsageException("--unit '" + unit + "': use samples, bytes or ns"));
    }

    private Path defaultOut(ProfileKind kind) {
        String name = String.valueOf(input.getFileName());
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String suffix = baseline != null ? "-diff" : name.toLowerCase(Locale.ROOT).endsWith(".jfr") ? "-" + kind.option() : "";
        Path dir = input.toAbsolutePath().getParent();
        return dir.resolve(stem + suffix + ".html");
    }

    private record Profile(CallTree tree, GraphInfo info) {
    }

    private Profile read(Path file, ProfileKind kind, WeightUnit weightUnit) {
        String heading = title != null ? title : String.valueOf(file.getFileName());
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " is a folder, not a recording or a folded file");
        }
        // Why one stream: INPUT may be a pipe (flamegraph <(zcat x.folded.gz)), which can be read only once
        // (a FileInputStream: the stream of Files.newInputStream asks a pipe for its position, and fails)
        try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 64 * 1024)) {
            in.mark(JFR_MAGIC.length);
            boolean recording = Arrays.equals(in.readNBytes(JFR_MAGIC.length), JFR_MAGIC); // by content, not name
            in.reset();
            if (recording) {
                return readRecording(file, kind, heading);
            }
            if (window.isSet()) {
                throw new UsageException("--from and --to need a recording; " + file + " is a folded file");
            }
            CallTree tree = FoldedFormat.read(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Profile(tree, GraphInfo.of(heading, kind.label() + " (folded stacks)", weightUnit));
        } catch (FoldedFormatException e) {
            throw new UsageException(file + ": " + e.getMessage());
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new UsageException(Files.exists(file) ? file + ": cannot be read" : file + ": no such file");
        } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
            throw new UsageException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private Profile readRecording(Path file, ProfileKind kind, String heading) throws IOException {
        if (unit != null) {
            throw new UsageException("--unit is for folded files: a recording's unit follows --event");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": a recording must be a file (JFR reads it by position), not a pipe");
        }
        try {
            AnalysisOptions options = window.applyTo(AnalysisOptions.defaults(), file).onlyStacksOf(kind.section());
            Analysis analysis = RecordingAnalyzer.analyze(file, options);
            return new Profile(kind.tree(analysis), kind.info(analysis, heading));
        } catch (RecordingException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
