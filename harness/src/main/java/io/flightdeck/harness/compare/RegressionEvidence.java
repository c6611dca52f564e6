package io.flightdeck.harness.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FoldedFormat;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.harness.graphs.FlameGraphFiles;
import io.flightdeck.harness.graphs.ProfileKind;

/**
 * Why a workload regressed: from the folded stacks both runs left ({@code <workload>/cpu.folded} and
 * {@code alloc.folded}, the first fork's), the frames whose shares changed most and a differential flame graph of
 * each profile, the current run's shape coloured by what grew (red) and shrank (blue).
 */
public final class RegressionEvidence {

    /** Workload names that are safe as one folder name: no separators, no "..". */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    /** Frames listed per profile. */
    public static final int TOP = 5;

    private RegressionEvidence() {
    }

    /**
     * @param baselineDir the baseline's folder (a run folder or a saved baseline), holding {@code <workload>/*.folded}
     * @param currentDir  the current run's folder
     * @param outDir      where the differential flame graphs go, as {@code <workload>/flamegraph-cpu-diff.html}
     */
    public static RunComparison.Why explain(String workload, Path baselineDir, Path currentDir, Path outDir)
            throws IOException {
        if (!SAFE_NAME.matcher(workload).matches()) { // it comes from a report.json anyone may have written
            return new RunComparison.Why(List.of(), List.of(), List.of(), "no evidence: workload name '" + workload
                    + "' cannot name a folder");
        }
        CallTree cpuBefore = folded(baselineDir, workload, ProfileKind.CPU);
        CallTree cpuNow = folded(currentDir, workload, ProfileKind.CPU);
        CallTree allocBefore = folded(baselineDir, workload, ProfileKind.ALLOC);
        CallTree allocNow = folded(currentDir, workload, ProfileKind.ALLOC);
        List<String> graphs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ProfileKind kind : List.of(ProfileKind.CPU, ProfileKind.ALLOC)) {
            CallTree before = kind == ProfileKind.CPU ? cpuBefore : allocBefore;
            CallTree now = kind == ProfileKind.CPU ? cpuNow : allocNow;
            if (before == null || now == null) {
                missing.add(kind.option() + ".folded" + (before == null ? " in the baseline" : " in this run"));
                continue;
            }
            Path file = outDir.resolve(workload).resolve(graphName(kind));
            Files.createDirectories(file.getParent());
            GraphInfo info = GraphInfo.of(workload + ": " + kind.label() + ", against the baseline", kind.label(),
                    kind.unit()).withNote("Red frames grew their share of the profile, blue ones shrank; hatched"
                    + " ones are new. Baseline total " + before.totalWeight() + " " + kind.unit().symbol() + ".");
            FlameGraphFiles.writeDiff(file, before, now, info);
            graphs.add(outDir.relativize(file).toString().replace('\\', '/'));
        }
        List<ShareChange> methods = cpuBefore == null || cpuNow == null ? List.of()
                : ShareChanges.of(cpuBefore, cpuNow, TOP);
        List<ShareChange> sites = allocBefore == null || allocNow == null ? List.of()
                : ShareChanges.of(allocBefore, allocNow, TOP);
        String note = missing.isEmpty() ? null : "no " + String.join(", no ", missing)
                + " (a run without JFR, or without samples of that kind)";
        return new RunComparison.Why(methods, sites, List.copyOf(graphs), note);
    }

    /** "flamegraph-cpu-diff.html". */
    static String graphName(ProfileKind kind) {
        return "flamegraph-" + kind.option() + "-diff.html";
    }

    /** A workload's folded stacks of one kind, null when the folder has none. */
    private static CallTree folded(Path dir, String workload, ProfileKind kind) throws IOException {
        Path file = dir.resolve(workload).resolve(kind.option() + ".folded");
        return Files.isRegularFile(file) ? FoldedFormat.read(file) : null;
    }
}
