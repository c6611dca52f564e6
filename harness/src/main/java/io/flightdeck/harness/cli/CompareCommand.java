package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.run.CompareOptions;
import io.flightdeck.harness.run.Comparisons;

/** {@code flightdeck compare A B}: did B regress against A? Each a run folder, a report.json or a saved baseline. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare run B against A, case by case and metric by metric (mean, p50, p90, p99, "
                + "throughput, allocation per operation), with a Mann–Whitney U test on the per-iteration samples "
                + "and the change's 95 %% interval; for each regressed workload, the methods and allocation sites "
                + "whose shares changed most and differential flame graphs.",
                "Exit code 0 when nothing regressed, 1 when something did (or could not be judged, with --fail-on "
                        + "inconclusive), 2 on bad input."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the baseline: a run folder, its report.json, or the "
            + "name of a saved baseline")
    String baseline;

    @Parameters(index = "1", paramLabel = "B", description = "what is compared against it, the same kinds")
    String current;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "where comparison.json, comparison.md and the differential flame graphs go "
                    + "(default: target/flightdeck/compare/<time>)")
    Path out;

    @Option(names = "--regression-limit", paramLabel = "PCT",
            description = "worse by more than this is a regression, for every metric (default: the budgets file's "
                    + "regressions, else 10%%)")
    String regressionLimit;

    @Mixin
    ComparisonGateOptions gate;

    @Option(names = "--budgets", paramLabel = "FILE", description = "budgets file whose regressions set metrics' "
            + "own limits (default: the built-in one)")
    Path budgetsFile;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Comparisons.Result r = Comparisons.compare(CompareOptions.builder(baseline, current).outputFolder(out)
                .regressionLimit(regressionLimit).busyCores(gate.busyCores)
                .failOnInconclusive(gate.failOnInconclusive()).budgets(budgetsFile).home(home.directory).resultsUrl(home.resultsUrl).build(),
                new TerminalRunProgress(stdout, spec.commandLine().getErr()));
        if (r.page() != null) {
            stdout.println("report: " + r.page().toUri());
        }
        stdout.flush();
        return r.exitCode();
    }
}
