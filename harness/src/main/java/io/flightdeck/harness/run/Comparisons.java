package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.compare.ChangeThresholds;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.RunComparator;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.report.html.ComparisonPage;
import io.flightdeck.child.workload.WorkloadRegistry;

/**
 * A comparison of two runs as a library call: case by case and metric by metric, with the evidence for each
 * regressed workload, written as comparison.json, comparison.md, comparison.html and differential flame graphs.
 * What the command line's {@code compare} does.
 *
 * <pre>{@code
 * Comparisons.Result r = Comparisons.compare(CompareOptions.builder("main", "target/flightdeck/runs/latest")
 *         .regressionLimit("10%").build(), RunProgress.QUIET);
 * }</pre>
 */
public final class Comparisons {

    /**
     * @param folder     where the comparison's files are, absolute
     * @param comparison the verdicts and evidence
     * @param page       comparison.html; null when it could not be written (a warning said why)
     * @param exitCode   0 nothing regressed, 1 something did (or could not be judged, with fail-on-inconclusive)
     */
    public record Result(Path folder, RunComparison comparison, Path page, int exitCode) {
    }

    private Comparisons() {
    }

    /**
     * Compares and writes the files.
     *
     * @throws RunInputException when a side is neither a run folder, a report.json nor a saved baseline, or the
     *                           output folder cannot be written
     */
    public static Result compare(CompareOptions options, RunProgress progress) {
        ChangeThresholds thresholds = InputChecks.thresholds(options.regressionLimit(), options.busyCores());
        Budgets budgets = InputChecks.budgets(options.budgetsFile(), WorkloadRegistry.load());
        ComparisonFiles.Compared a;
        ComparisonFiles.Compared b;
        try (LazyResults results = new LazyResults(options.home(), options.resultsUrl())) {
            a = RunSources.resolve(results, options.baseline());
            b = RunSources.resolve(results, options.current());
        }
        Path dir;
        try {
            dir = options.outputFolder() != null ? options.outputFolder()
                    : RunFolder.claimNew(options.comparesFolder(), // never shared
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        } catch (IOException e) {
            throw new RunInputException(e.getMessage());
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunInputException("--out " + dir + " is a file, not a folder");
        }
        Path out = dir.toAbsolutePath().normalize();
        RunComparison c;
        try {
            RunComparison made = RunComparator.compare(a.label(), a.report(), b.label(), b.report(), thresholds,
                    options.regressionLimit() != null ? List.of() : budgets.regressions());
            c = ComparisonFiles.write(options.failOnInconclusive() ? made.failingOnInconclusive() : made, a, b, out);
        } catch (IOException e) {
            throw new RunInputException("cannot write the comparison to " + dir + ": " + e.getMessage());
        }
        progress.compared(c, out);
        Path page = null;
        try {
            page = ComparisonPage.write(c, out);
        } catch (IOException e) {
            progress.warning(RunLayout.COMPARISON_HTML + " could not be written: " + e.getMessage());
        }
        return new Result(out, c, page, c.exitCode());
    }
}
