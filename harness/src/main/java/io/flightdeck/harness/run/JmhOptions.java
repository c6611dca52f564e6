package io.flightdeck.harness.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.flightdeck.harness.sampler.ChildJvm;

/**
 * What {@code flightdeck jmh} is asked to do: a project's own JMH benchmarks, run by its own JMH with every fork
 * recorded, then judged as a run is. Built with {@link #builder()}; unset values take the command line's defaults.
 */
public final class JmhOptions {

    private final Builder b;

    private JmhOptions(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(b);
    }

    /** The benchmarks' class path: their classes, JMH and their other libraries (an uber jar is one entry). */
    public List<Path> classPath() {
        return b.classPath;
    }

    /** JMH's own options and benchmark patterns, passed to JMH as given. */
    public List<String> jmhArguments() {
        return b.jmhArguments;
    }

    public Path outputFolder() {
        return b.outputFolder;
    }

    public Path runsFolder() {
        return b.runsFolder;
    }

    /** JMH's java, the forks' extra flags and the sampler; null: this JVM's java, no flags, JFR's samples. */
    public ChildJvm childJvm() {
        return b.childJvm;
    }

    public String jfrSettings() {
        return b.jfrSettings;
    }

    public boolean wholeJvm() {
        return b.wholeJvm;
    }

    public Path budgetsFile() {
        return b.budgetsFile;
    }

    public String saveBaseline() {
        return b.saveBaseline;
    }

    public String baseline() {
        return b.baseline;
    }

    public String regressionLimit() {
        return b.regressionLimit;
    }

    /** "0.25": other processes' CPU cores above which a side ran on a busy machine; null for 0.25. */
    public String busyCores() {
        return b.busyCores;
    }

    /** Whether an inconclusive comparison with the baseline fails the run (exit code 1) as a regression does. */
    public boolean failOnInconclusive() {
        return b.failOnInconclusive;
    }

    public Path home() {
        return b.home;
    }

    /** The results store's URL ({@code --results-url}); null for FLIGHTDECK_RESULTS_URL, else the home's files. */
    public String resultsUrl() {
        return b.resultsUrl;
    }

    public boolean history() {
        return b.history;
    }

    public List<String> arguments() {
        return b.arguments;
    }

    public static final class Builder {
        private List<Path> classPath = List.of();
        private List<String> jmhArguments = List.of();
        private Path outputFolder;
        private Path runsFolder = RunFolder.DEFAULT_PARENT;
        private ChildJvm childJvm;
        private String jfrSettings = "profile";
        private boolean wholeJvm;
        private Path budgetsFile;
        private String saveBaseline;
        private String baseline;
        private String regressionLimit;
        private String busyCores;
        private boolean failOnInconclusive;
        private Path home;
        private String resultsUrl;
        private boolean history = true;
        private List<String> arguments = List.of();

        private Builder() {
        }

        private Builder(Builder o) {
            classPath = o.classPath;
            jmhArguments = o.jmhArguments;
            outputFolder = o.outputFolder;
            runsFolder = o.runsFolder;
            childJvm = o.childJvm;
            jfrSettings = o.jfrSettings;
            wholeJvm = o.wholeJvm;
            budgetsFile = o.budgetsFile;
            saveBaseline = o.saveBaseline;
            baseline = o.baseline;
            regressionLimit = o.regressionLimit;
            busyCores = o.busyCores;
            failOnInconclusive = o.failOnInconclusive;
            home = o.home;
            resultsUrl = o.resultsUrl;
            history = o.history;
            arguments = o.arguments;
        }

        /** Where the benchmarks are: a benchmarks jar, or their classes and libraries with JMH among them. */
        public Builder classPath(List<Path> entries) {
            classPath = List.copyOf(entries);
            return this;
        }

        public Builder jmhArguments(List<String> given) {
            jmhArguments = List.copyOf(given);
            return this;
        }

        /** The run folder; null (the default): a new one under the runs folder. */
        public Builder outputFolder(Path folder) {
            outputFolder = folder;
            return this;
        }

        public Builder runsFolder(Path folder) {
            runsFolder = Objects.requireNonNull(folder, "runsFolder");
            return this;
        }

        public Builder childJvm(ChildJvm jvm) {
            childJvm = jvm;
            return this;
        }

        public Builder jfrSettings(String settings) {
            jfrSettings = Objects.requireNonNull(settings, "jfrSettings");
            return this;
        }

        /** Whether each fork's profile covers its whole JVM rather than JMH's measured iterations. */
        public Builder wholeJvm(boolean whole) {
            wholeJvm = whole;
            return this;
        }

        /** A budgets file naming benchmarks as workloads; null: the benchmarks' class path's own, if any. */
        public Builder budgets(Path file) {
            budgetsFile = file;
            return this;
        }

        public Builder saveBaseline(String name) {
            saveBaseline = name;
            return this;
        }

        public Builder baseline(String name) {
            baseline = name;
            return this;
        }

        public Builder regressionLimit(String percent) {
            regressionLimit = percent;
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

        public Builder home(Path folder) {
            home = folder;
            return this;
        }

        /** A PostgreSQL results store (jdbc:postgresql://...) instead of the home's files. */
        public Builder resultsUrl(String url) {
            resultsUrl = url;
            return this;
        }

        public Builder history(boolean add) {
            history = add;
            return this;
        }

        /** How the run was asked for, as the report records it. */
        public Builder arguments(List<String> given) {
            arguments = List.copyOf(given);
            return this;
        }

        /** The options, the busy-machine threshold checked. */
        public JmhOptions build() {
            if (busyCores != null) {
                InputChecks.busyCores(busyCores);
            }
            return new JmhOptions(new Builder(this));
        }
    }
}
