package io.flightdeck.harness.cli;

import picocli.CommandLine.Option;

/**
 * {@code --save-baseline}, {@code --baseline} and {@code --regression-limit}: what a command that measures (run, jmh)
 * does with a saved baseline. How a comparison is judged beyond the limit is {@link ComparisonGateOptions}.
 */
final class BaselineOptions {

    @Option(names = "--save-baseline", paramLabel = "NAME",
            description = "save this run as baseline NAME in the home folder (replacing one of that name)")
    String saveBaseline;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "compare this run against saved baseline NAME; a regression exits 1")
    String baseline;

    @Option(names = "--regression-limit", paramLabel = "PCT",
            description = "worse than the baseline by more than this is a regression, for every metric (default: "
                    + "the budgets file's regressions, else 10%%)")
    String regressionLimit;
}
