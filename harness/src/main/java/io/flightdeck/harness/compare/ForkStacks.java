package io.flightdeck.harness.compare;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FoldedFormat;
import io.flightdeck.harness.graphs.ProfileKind;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.profiling.MethodNames;

/**
 * One side of a comparison as one profile: the folded stacks of every fork of a workload ({@code cpu.folded},
 * {@code cpu-fork-2.folded}, ...) merged, with frame names {@linkplain MethodNames#normalise normalised} (stacks
 * written before names were normalised still carry lambda addresses and proxy numbers; the two sides must match).
 * Why merged: one fork's deep stacks are sparse; all of them are the best estimate of where the side spent its time.
 */
public final class ForkStacks {

    private ForkStacks() {
    }

    /** The merged profile, each fork's (for tests that measure the noise between forks), and their files. */
    public record Merged(CallTree tree, List<CallTree> forks, List<String> files) {
    }

    /** A workload folder's stacks of one kind, every fork merged; null when the folder has none. */
    public static Merged read(Path workloadDir, ProfileKind kind) throws IOException {
        if (!Files.isDirectory(workloadDir)) {
            return null;
        }
        Pattern name = RunLayout.foldedOfAnyFork(kind.option());
        Map<Integer, Path> byFork = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(workloadDir)) {
            for (Path f : files) {
                Matcher m = name.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f)) {
                    byFork.put(m.group(1) == null ? 1 : Integer.parseInt(m.group(1)), f);
                }
            }
        }
        if (byFork.isEmpty()) {
            return null;
        }
        CallTree merged = new CallTree();
        List<CallTree> forks = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (Path f : byFork.values()) {
            CallTree fork = FoldedFormat.read(f).renamed(MethodNames::normalise);
            merged.merge(fork);
            forks.add(fork);
            read.add(f.getFileName().toString());
        }
        return new Merged(merged, List.copyOf(forks), List.copyOf(read));
    }
}
