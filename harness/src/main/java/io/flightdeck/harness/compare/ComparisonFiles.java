package io.flightdeck.harness.compare;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.flightdeck.harness.check.RegressionLimit;
import io.flightdeck.child.files.AtomicFile;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.graphs.ProfileKind;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.report.MarkdownReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.text.MarkdownText;

/**
 * A whole comparison: the verdicts, the evidence for every regressed workload, and the files
 * ({@value #JSON}, {@value #MARKDOWN} and the differential flame graphs) in the output folder.
 */
public final class ComparisonFiles {

    public static final String JSON = RunLayout.COMPARISON_JSON;
    public static final String MARKDOWN = RunLayout.COMPARISON_MD;
    /** Written by the compare command (report.html.ComparisonPage); cleared here with the others. */
    public static final String HTML = RunLayout.COMPARISON_HTML;

    private ComparisonFiles() {
    }

    /** One side: how the user named it, its report, and the folder holding its stacks. */
    public record Compared(String label, RunReport report, Path folder) {
    }

    /**
     * Compares, explains each regressed or inconclusive workload (a regression a busy machine made doubtful is still
     * worth a look), writes everything into {@code out} and returns the comparison.
     */
    public static RunComparison compareAndWrite(Compared baseline, Compared current, ChangeThresholds thresholds,
                                                List<RegressionLimit> limits, Path out) throws IOException {
        return write(RunComparator.compare(baseline.label(), baseline.report(), current.label(), current.report(),
                thresholds, limits), baseline, current, out);
    }

    /** Explains each regressed or inconclusive workload of a comparison already made, and writes it all. */
    public static RunComparison write(RunComparison c, Compared baseline, Compared current, Path out)
            throws IOException {
        Files.createDirectories(out);
        clearPrevious(out);
        List<RunComparison.WorkloadComparison> explained = new ArrayList<>();
        for (RunComparison.WorkloadComparison w : c.workloads()) {
            boolean doubtful = w.verdict() == ChangeVerdict.REGRESSED || w.verdict() == ChangeVerdict.INCONCLUSIVE;
            explained.add(!doubtful ? w : new RunComparison.WorkloadComparison(
                    w.workload(), w.status(), w.verdict(), w.cases(),
                    evidence(w.workload(), baseline.folder(), current.folder(), out)));
        }
        RunComparison done = new RunComparison(c.schemaVersion(), c.baseline(), c.current(), c.thresholds(),
                c.sameEnvironment(), List.copyOf(explained), c.verdict(), c.exitCode(), c.confirmation());
        Json.writeAtomically(Json.mapper(), out.resolve(JSON), done);
        AtomicFile.writeString(out.resolve(MARKDOWN), markdown(done));
        return done;
    }

    /**
     * An earlier comparison's files in the same folder (a CI job's fixed {@code -o}): removed first, so none of its
     * differential graphs can pass for this one's. Only files a comparison writes are touched.
     */
    private static void clearPrevious(Path out) throws IOException {
        Files.deleteIfExists(out.resolve(JSON));
        Files.deleteIfExists(out.resolve(MARKDOWN));
        Files.deleteIfExists(out.resolve(HTML));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(out, Files::isDirectory)) {
            for (Path d : dirs) {
                for (ProfileKind kind : List.of(ProfileKind.CPU, ProfileKind.ALLOC)) {
                    Files.deleteIfExists(d.resolve(RegressionEvidence.graphName(kind)));
                    Files.deleteIfExists(d.resolve(MethodTable.htmlName(kind)));
                    Files.deleteIfExists(d.resolve(MethodTable.jsonName(kind)));
                }
            }
        }
    }

    /** The evidence is a help, not the verdict: stacks that cannot be read leave a note, not a failed comparison. */
    private static RunComparison.Why evidence(String workload, Path baselineDir, Path currentDir, Path out) {
        try {
            return RegressionEvidence.explain(workload, baselineDir, currentDir, out);
        } catch (IOException | RuntimeException e) {
            return new RunComparison.Why(List.of(), List.of(), List.of(), List.of(),
                    "no evidence: the folded stacks could not be read or the graphs written (" + e.getMessage() + ")");
        }
    }

    static String markdown(RunComparison c) {
        StringBuilder md = new StringBuilder();
        md.append("# Comparison: ").append(MarkdownText.escape(c.current().label())).append(" against ")
                .append(MarkdownText.escape(c.baseline().label())).append("\n\n");
        md.append("**").append(MarkdownText.escape(ComparisonText.verdictLine(c))).append("**\n\n");
        for (String warning : ComparisonText.warnings(c)) {
            md.append("> ⚠️ ").append(MarkdownText.escape(warning)).append("\n\n");
        }
        String noise = ComparisonText.noiseLine(c);
        if (noise != null) {
            md.append("Machine load: ").append(MarkdownText.escape(noise)).append("\n\n");
        }
        String confirmation = ComparisonText.confirmationLine(c);
        if (confirmation != null) {
            md.append(MarkdownText.escape(confirmation)).append("\n\n");
        }
        md.append(String.format(Locale.ROOT, "A change counts when it is significant (Mann–Whitney U, p < %.2f) and "
                        + "larger than %.3g %%; a regression fails when it is worse by more than %.3g %% (or the "
                        + "metric's own limit from the budgets file). Each sample is one measured iteration. Every "
                        + "metric of every case is in `%s`.%n%n",
                c.thresholds().alpha(), c.thresholds().noise() * 100, c.thresholds().limit() * 100, JSON));
        MarkdownReport.table(md, ComparisonText.HEADER, ComparisonText.rows(c));
        List<String> why = ComparisonText.why(c);
        if (!why.isEmpty()) {
            md.append("\n## Why\n\n").append(MarkdownText.codeBlock("text", why));
        }
        return md.toString();
    }
}
