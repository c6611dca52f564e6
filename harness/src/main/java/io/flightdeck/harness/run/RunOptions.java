package io.flightdeck.harness.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.workload.UserClassPath;
import io.flightdeck.harness.suite.Suites;

/**
 * Everything a profiling run is asked to do, as the {@code run} command's options say it; built with
 * {@link #builder()}, in the manner of JMH's {@code OptionsBuilder}. What is left unset takes the command line's
 * default: the suite's counts, a new folder under {@code target/flightdeck/runs}, the home folder's history. The
 * builder checks each value's range; what needs the workloads, the suites or the files (an unknown workload, a
 * budgets file) is checked by {@link FlightdeckRunner} before any JVM starts. Both throw {@link RunInputException}.
 */
public final class RunOptions {

    /** JVMs per workload: a baseline wants 4, and 64 already takes a day on a quick suite. */
    public static final int MAX_FORKS = 64;
    /** Warm-up iterations per case (a case may run up to 7 times as many while still warming). */
    public static final int MAX_WARMUP = 1_000;
    /** Measured iterations per case. */
    public static final int MAX_ITERATIONS = 10_000;
    /** An iteration's length: an hour. */
    public static final long MAX_ITERATION_MILLIS = 3_600_000;
    /** Cold-start operations: each operation's time is kept, in memory and in the result. */
    public static final int MAX_COLD_START = 10_000;
    /** A child's time limit: a week, in seconds. */
    public static final long MAX_TIMEOUT_SECONDS = 7 * 24 * 3_600;

    private final Builder b;

    private RunOptions(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        return new Builder(b);
    }

    public String suite() {
        return b.suite;
    }

    /** The chosen workloads; empty for the suite's (and then the suite's leak checks run too). */
    public List<String> workloads() {
        return List.copyOf(b.workloads);
    }

    /** The case labels to run, of whichever workload has them; empty for every case. */
    public List<String> cases() {
        return List.copyOf(b.cases);
    }

    public Path budgetsFile() {
        return b.budgetsFile;
    }

    /** The run folder itself ({@code --out}); null for a new folder under {@link #runsFolder()}. */
    public Path outputFolder() {
        return b.outputFolder;
    }

    /** Where a new run folder is made when {@link #outputFolder()} is not given. */
    public Path runsFolder() {
        return b.runsFolder;
    }

    public Integer forks() {
        return b.forks;
    }

    public Integer warmupIterations() {
        return b.warmup;
    }

    public Integer measurementIterations() {
        return b.iterations;
    }

    public Long iterationMillis() {
        return b.iterationMillis;
    }

    public Integer coldStartOperations() {
        return b.coldStart;
    }

    public String heap() {
        return b.heap;
    }

    public String gc() {
        return b.gc;
    }

    public Long timeoutSeconds() {
        return b.timeoutSeconds;
    }

    public long seed() {
        return b.seed;
    }

    public boolean jfr() {
        return b.jfr;
    }

    public String jfrSettings() {
        return b.jfrSettings;
    }

    public boolean wholeJvm() {
        return b.wholeJvm;
    }

    public ChildJvm childJvm() {
        return b.childJvm;
    }

    /** The user's class path, or null for this JVM's own. */
    public UserClassPath userClassPath() {
        return b.userClassPath;
    }

    public Map<String, String> parameters() {
        return Map.copyOf(b.parameters);
    }

    /** Keeps the order the parameters were given in, as the report records them. */
    Map<String, String> orderedParameters() {
        return new LinkedHashMap<>(b.parameters);
    }

    public String saveBaseline() {
        return b.saveBaseline;
    }

    public String baseline() {
        return b.baseline;
    }

    /** "10%", "10 %" or "10"; null for the budgets file's regressions, else 10 %. */
    public String regressionLimit() {
        return b.regressionLimit;
    }

    public boolean confirm() {
        return b.confirm;
    }

    /** "0.25": other processes' CPU cores above which a side ran on a busy machine; null for 0.25. */
    public String busyCores() {
        return b.busyCores;
    }

    /** Whether an inconclusive comparison with the baseline fails the run (exit code 1) as a regression does. */
    public boolean failOnInconclusive() {
        return b.failOnInconclusive;
    }

    /** The home folder; null for FLIGHTDECK_HOME, else .flightdeck at the project root. */
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

    /** How the run was asked for, recorded in the report (the command line; a plugin's goal and settings). */
    public List<String> arguments() {
        return List.copyOf(b.arguments);
    }

    /** Builds {@link RunOptions}; every setter returns the builder. */
    public static final class Builder {

        private String suite = Suites.DEFAULT;
        private List<String> workloads = new ArrayList<>();
        private List<String> cases = new ArrayList<>();
        private UserClassPath userClassPath;
        private Path budgetsFile;
        private Path outputFolder;
        private Path runsFolder = RunFolder.DEFAULT_PARENT;
        private Integer forks;
        private Integer warmup;
        private Integer iterations;
        private Long iterationMillis;
        private Integer coldStart;
        private String heap;
        private String gc = "G1";
        private Long timeoutSeconds;
        private long seed = 42;
        private boolean jfr = true;
        private String jfrSettings = "profile";
        private boolean wholeJvm;
        private ChildJvm childJvm;
        private Map<String, String> parameters = new LinkedHashMap<>();
        private String saveBaseline;
        private String baseline;
        private String regressionLimit;
        private String busyCores;
        private boolean failOnInconclusive;
        private boolean confirm = true;
        private Path home;
        private String resultsUrl;
        private boolean history = true;
        private List<String> arguments = new ArrayList<>();

        private Builder() {
        }

        private Builder(Builder o) {
            suite = o.suite;
            workloads = new ArrayList<>(o.workloads);
            cases = new ArrayList<>(o.cases);
            userClassPath = o.userClassPath;
            budgetsFile = o.budgetsFile;
            outputFolder = o.outputFolder;
            runsFolder = o.runsFolder;
            forks = o.forks;
            warmup = o.warmup;
            iterations = o.iterations;
            iterationMillis = o.iterationMillis;
            coldStart = o.coldStart;
            heap = o.heap;
            gc = o.gc;
            timeoutSeconds = o.timeoutSeconds;
            seed = o.seed;
            jfr = o.jfr;
            jfrSettings = o.jfrSettings;
            wholeJvm = o.wholeJvm;
            childJvm = o.childJvm;
            parameters = new LinkedHashMap<>(o.parameters);
            saveBaseline = o.saveBaseline;
            baseline = o.baseline;
            regressionLimit = o.regressionLimit;
            busyCores = o.busyCores;
            failOnInconclusive = o.failOnInconclusive;
            confirm = o.confirm;
            home = o.home;
            resultsUrl = o.resultsUrl;
            history = o.history;
            arguments = new ArrayList<>(o.arguments);
        }

        /** quick (the default), standard or nightly. */
        public Builder suite(String name) {
            suite = Objects.requireNonNull(name, "suite");
            return this;
        }

        /** Runs only these workloads, in this order, instead of the suite's (and none of its leak checks). */
        public Builder workloads(String... names) {
            return workloads(List.of(names));
        }

        public Builder workloads(List<String> names) {
            workloads = new ArrayList<>(names);
            return this;
        }

        /**
         * Runs only the cases with these labels (size=1000), of whichever workload has them; every workload must have
         * one at least. Empty (the default) for every case.
         */
        public Builder cases(List<String> labels) {
            cases = labels == null ? new ArrayList<>() : new ArrayList<>(labels);
            return this;
        }

        /**
         * The user's class path (jars and class folders holding their workloads): the workloads are found there,
         * and each child JVM runs on exactly it plus Flightdeck's child runtime. Null (the default): this JVM's own
         * class path, for both.
         */
        public Builder userClassPath(UserClassPath classPath) {
            userClassPath = classPath;
            return this;
        }

        /** A budgets file replacing the defaults. */
        public Builder budgets(Path file) {
            budgetsFile = file;
            return this;
        }

        /** The run folder itself: may hold an earlier run, whose results are removed first. */
        public Builder outputFolder(Path folder) {
            outputFolder = folder;
            return this;
        }

        /** Where a new run folder, named after the run, is made when no {@link #outputFolder} is given. */
        public Builder runsFolder(Path folder) {
            runsFolder = Objects.requireNonNull(folder, "runsFolder");
            return this;
        }

        /** JVMs per workload, 1 to {@value #MAX_FORKS}; a run saved as a baseline has at least 4. */
        public Builder forks(int n) {
            forks = n;
            return this;
        }

        public Builder warmupIterations(int n) {
            warmup = n;
            return this;
        }

        public Builder measurementIterations(int n) {
            iterations = n;
            return this;
        }

        public Builder iterationMillis(long millis) {
            iterationMillis = millis;
            return this;
        }

        public Builder coldStartOperations(int n) {
            coldStart = n;
            return this;
        }

        /** The children's heap, -Xms and -Xmx: "512m", "2g". */
        public Builder heap(String size) {
            heap = size;
            return this;
        }

        /** G1 (the default), Parallel, Serial or Z. */
        public Builder gc(String collector) {
            gc = Objects.requireNonNull(collector, "gc");
            return this;
        }

        /** A time limit per child JVM, in seconds. */
        public Builder timeoutSeconds(long seconds) {
            timeoutSeconds = seconds;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** False runs the children without a recording (to measure what JFR costs). */
        public Builder jfr(boolean record) {
            jfr = record;
            return this;
        }

        /** profile (the default), default, or a .jfc file. */
        public Builder jfrSettings(String settings) {
            jfrSettings = Objects.requireNonNull(settings, "jfrSettings");
            return this;
        }

        /** Profiles each workload's whole JVM rather than its measured iterations. */
        public Builder wholeJvm(boolean whole) {
            wholeJvm = whole;
            return this;
        }

        /** The children's java, extra flags and sampler; default: this JVM's java, no flags, JFR's own samples. */
        public Builder childJvm(ChildJvm child) {
            childJvm = child;
            return this;
        }

        /** A workload parameter, as {@code --param key=value}. */
        public Builder parameter(String key, String value) {
            parameters.put(key, value);
            return this;
        }

        public Builder parameters(Map<String, String> all) {
            parameters = new LinkedHashMap<>(all);
            return this;
        }

        /** Saves the run as this baseline in the home folder, replacing one of that name. */
        public Builder saveBaseline(String name) {
            saveBaseline = name;
            return this;
        }

        /** Compares the run with this saved baseline; a regression fails the run. */
        public Builder baseline(String name) {
            baseline = name;
            return this;
        }

        /** Worse than the baseline by more than this ("10%") is a regression, for every metric. */
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

        /** False fails on a regression at once, without running the regressed workloads again to confirm it. */
        public Builder confirm(boolean confirm) {
            this.confirm = confirm;
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

        /** False leaves the run out of the home folder's history. */
        public Builder history(boolean record) {
            history = record;
            return this;
        }

        /** How the run was asked for, as the report records it. */
        public Builder arguments(List<String> given) {
            arguments = new ArrayList<>(given);
            return this;
        }

        /** The options, each count checked against its range. */
        public RunOptions build() {
            range("--forks", forks, 1, MAX_FORKS);
            range("--warmup", warmup, 0, MAX_WARMUP);
            range("--iterations", iterations, 1, MAX_ITERATIONS);
            range("--iteration-ms", iterationMillis, 1, MAX_ITERATION_MILLIS);
            range("--cold-start", coldStart, 0, MAX_COLD_START);
            range("--timeout", timeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
            if (busyCores != null) {
                InputChecks.busyCores(busyCores);
            }
            if (!jfr && wholeJvm) {
                throw new RunInputException("--whole-jvm: --no-jfr leaves no recording to analyse");
            }
            return new RunOptions(new Builder(this));
        }

        /** As the command line says it: "--forks must be from 1 to 64, was 0". */
        static void range(String option, Number value, long min, long max) {
            if (value != null && (value.longValue() < min || value.longValue() > max)) {
                throw new RunInputException(option + " must be from " + min + " to " + max + ", was " + value);
            }
        }
    }
}
