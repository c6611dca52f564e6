package io.flightdeck.harness.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.diff.MethodDiff;
import io.flightdeck.harness.graphs.FlameGraphFiles;
import io.flightdeck.harness.graphs.ProfileKind;
import io.flightdeck.harness.layout.RunLayout;

/**
 * Why a workload regressed: from the folded stacks both runs left ({@code <workload>/cpu.folded} and
 * {@code alloc.folded}, every fork's merged, see {@link ForkStacks}), the methods whose own shares grew most, a
 * differential flame graph of each profile (the current run's shape, coloured where a method's own share changed
 * significantly, see {@link MethodDiff}) and its "by method" table beside it ({@link MethodTable}).
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
            return new RunComparison.Why(List.of(), List.of(), List.of(), List.of(), "no evidence: workload name '"
                    + workload + "' cannot name a folder");
        }
        List<String> graphs = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<ShareChange> methods = List.of();
        List<ShareChange> sites = List.of();
        for (ProfileKind kind : List.of(ProfileKind.CPU, ProfileKind.ALLOC)) {
            ForkStacks.Merged before = ForkStacks.read(baselineDir.resolve(workload), kind);
            ForkStacks.Merged now = ForkStacks.read(currentDir.resolve(workload), kind);
            if (before == null || now == null) {
                missing.add(kind.option() + ".folded" + (before == null ? " in the baseline" : " in this run"));
                continue;
            }
            MethodDiff diff = MethodDiff.of(before.tree(), before.forks(), now.tree(), now.forks(), kind.unit());
            Path dir = outDir.resolve(workload);
            Files.createDirectories(dir); // not its result: that can be the absolute path, which relativize refuses
            Path file = dir.resolve(graphName(kind));
            GraphInfo info = GraphInfo.of(workload + ": " + kind.label() + ", against the baseline", kind.label(),
                    kind.unit()).withNote("Baseline total " + before.tree().totalWeight() + " " + kind.unit().symbol()
                    + " (" + String.join(", ", before.files()) + "); this run's from " + String.join(", ",
                    now.files()) + ". Every method's figures, sorted by change, are in " + MethodTable.htmlName(kind)
                    + " beside this page.");
            FlameGraphFiles.writeDiff(file, before.tree(), now.tree(), diff, info);
            MethodTable.write(dir, kind, MethodTable.table(workload, kind, diff, before.files(), now.files()),
                    graphName(kind));
            graphs.add(outDir.relativize(file).toString().replace('\\', '/'));
            tables.add(outDir.relativize(dir.resolve(MethodTable.htmlName(kind))).toString().replace('\\', '/'));
            if (kind == ProfileKind.CPU) {
                methods = ShareChanges.of(diff, TOP);
            } else {
                sites = ShareChanges.of(diff, TOP);
            }
        }
        String note = missing.isEmpty() ? null : "no " + String.join(", no ", missing)
                + " (a run without JFR, or without samples of that kind)";
        return new RunComparison.Why(methods, sites, List.copyOf(graphs), List.copyOf(tables), note);
    }

    /** "flamegraph-cpu-diff.html". */
    static String graphName(ProfileKind kind) {
        return RunLayout.differentialFlameGraph(kind.option());
    }
}
