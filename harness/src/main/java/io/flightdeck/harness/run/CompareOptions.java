package io.flightdeck.harness.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a comparison is asked: did {@code current} regress against {@code baseline}, each a run folder, its
 * report.json or a saved baseline's name. Built with {@link #builder(String, String)}.
 *
 * @param outputFolder    where comparison.json, comparison.md, comparison.html and the differential flame graphs
 *                        go; null for a new folder under {@code comparesFolder}
 * @param comparesFolder  where that new folder is made (default target/flightdeck/compare)
 * @param regressionLimit "10%": worse by more than this is a regression, for every metric; null for the budgets
 *                        file's regressions, else 10 %
 * @param busyCores       "0.25": a side whose other processes used more CPU cores than this on average ran on a busy
 *                        machine, and a regression measured on one is inconclusive; null for 0.25
 * @param failOnInconclusive whether an inconclusive comparison fails (exit code 1) as a regression does
 * @param budgetsFile     whose regressions set metrics' own limits; null for the built-in one
 * @param home            where saved baselines live; null for FLIGHTDECK_HOME, else the project root's .flightdeck
 * @param resultsUrl      a PostgreSQL results store holding the baselines and runs; null for FLIGHTDECK_RESULTS_URL,
 *                        else the home's files
 */
public record CompareOptions(String baseline, String current, Path outputFolder, Path comparesFolder,
                             String regressionLimit, String busyCores, boolean failOnInconclusive,
                             Path budgetsFile, Path home, String resultsUrl) {

    /** Where comparison folders go without an output folder, relative to the working directory. */
    public static final Path DEFAULT_PARENT = Path.of("target", "flightdeck", "compare");

    public CompareOptions {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
        comparesFolder = comparesFolder == null ? DEFAULT_PARENT : comparesFolder;
    }

    public static Builder builder(String baseline, String current) {
        return new Builder(baseline, current);
    }

    /** Builds {@link CompareOptions}; every setter returns the builder. */
    public static final class Builder {
        private final String baseline;
        private final String current;
        private Path outputFolder;
        private Path comparesFolder;
        private String regressionLimit;
        private String busyCores;
        private boolean failOnInconclusive;
        private Path budgetsFile;
        private Path home;
        private String resultsUrl;

        private Builder(String baseline, String current) {
            this.baseline = baseline;
            this.current = current;
        }

        public Builder outputFolder(Path folder) {
            outputFolder = folder;
            return this;
        }

        public Builder comparesFolder(Path folder) {
            comparesFolder = folder;
            return this;
        }

        public Builder regressionLimit(String percentage) {
            regressionLimit = percentage;
            return this;
        }

        /**
         * A side whose other processes used more CPU cores than this on average ran on a busy machine ("0.25", the
         * default): a regression measured on a busy machine is inconclusive.
         */
        public Builder busyCores(String cores) {
            busyCores = cores;
            return this;
        }

        /** True fails on an inconclusive comparison too (exit code 1), not only on a regression. */
        public Builder failOnInconclusive(boolean fail) {
            failOnInconclusive = fail;
            return this;
        }

        public Builder budgets(Path file) {
            budgetsFile = file;
            return this;
        }

        public Builder home(Path folder) {
            home = folder;
            return this;
        }

        public Builder resultsUrl(String url) {
            resultsUrl = url;
            return this;
        }

        /** The options, the regression limit and busy-machine threshold checked. */
        public CompareOptions build() {
            InputChecks.thresholds(regressionLimit, busyCores);
            return new CompareOptions(baseline, current, outputFolder, comparesFolder, regressionLimit, busyCores,
                    failOnInconclusive, budgetsFile, home, resultsUrl);
        }
    }
}
