package io.flightdeck.harness.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.harness.check.Quantity;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.workload.UserClassPath;

/**
 * What a leak check is asked to do, as the {@code leak-check} command's options say it; built with
 * {@link #builder()}. Unset values take the command's defaults: the engine's long-running workload, 60 s after
 * warm-up, a checkpoint a second, a 1 GiB heap.
 */
public final class LeakCheckOptions {

    /** A day, in seconds. */
    public static final long MAX_DURATION_SECONDS = 24 * 3_600;
    /** Each checkpoint is a full collection: an hour apart at most. */
    public static final long MAX_CHECKPOINT_MILLIS = 3_600_000;
    /** Checkpoints a duration and an interval give: a day of them a second apart. */
    public static final int MAX_CHECKPOINTS = 100_000;
    /** Fewer checkpoints give no trend. */
    public static final int MIN_CHECKPOINTS = 5;

    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})\\s*(ms|s|m|min|h)?");

    private final Builder b;

    private LeakCheckOptions(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        return new Builder(b);
    }

    /** The workloads checked; empty for the default ones. */
    public List<String> workloads() {
        return List.copyOf(b.workloads);
    }

    public long durationSeconds() {
        return b.durationSeconds;
    }

    public long checkpointMillis() {
        return b.checkpointMillis;
    }

    /** Null for the budgets file's limit, else the default. */
    public Double limitBytesPerOperation() {
        return b.limitPerOperation;
    }

    public Double limitBytesPerSecond() {
        return b.limitPerSecond;
    }

    public Path outputFolder() {
        return b.outputFolder;
    }

    public Path runsFolder() {
        return b.runsFolder;
    }

    public Path budgetsFile() {
        return b.budgetsFile;
    }

    public String heap() {
        return b.heap;
    }

    public String gc() {
        return b.gc;
    }

    public long seed() {
        return b.seed;
    }

    Map<String, String> orderedParameters() {
        return new LinkedHashMap<>(b.parameters);
    }

    public Map<String, String> parameters() {
        return Map.copyOf(b.parameters);
    }

    public ChildJvm childJvm() {
        return b.childJvm;
    }

    /** The user's class path, or null for this JVM's own. */
    public UserClassPath userClassPath() {
        return b.userClassPath;
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
        return List.copyOf(b.arguments);
    }

    /** Builds {@link LeakCheckOptions}; every setter returns the builder. */
    public static final class Builder {

        private List<String> workloads = new ArrayList<>();
        private long durationSeconds = LeakCheckPlan.DEFAULT_DURATION_SECONDS;
        private long checkpointMillis = LeakCheckPlan.DEFAULT_CHECKPOINT_MILLIS;
        private Double limitPerOperation;
        private Double limitPerSecond;
        private Path outputFolder;
        private Path runsFolder = RunFolder.DEFAULT_PARENT;
        private Path budgetsFile;
        private UserClassPath userClassPath;
        private String heap = "1g";
        private String gc = "G1";
        private long seed = 42;
        private Map<String, String> parameters = new LinkedHashMap<>();
        private ChildJvm childJvm;
        private Path home;
        private String resultsUrl;
        private boolean history = true;
        private List<String> arguments = new ArrayList<>();

        private Builder() {
        }

        private Builder(Builder o) {
            workloads = new ArrayList<>(o.workloads);
            durationSeconds = o.durationSeconds;
            checkpointMillis = o.checkpointMillis;
            limitPerOperation = o.limitPerOperation;
            limitPerSecond = o.limitPerSecond;
            outputFolder = o.outputFolder;
            runsFolder = o.runsFolder;
            budgetsFile = o.budgetsFile;
            userClassPath = o.userClassPath;
            heap = o.heap;
            gc = o.gc;
            seed = o.seed;
            parameters = new LinkedHashMap<>(o.parameters);
            childJvm = o.childJvm;
            home = o.home;
            resultsUrl = o.resultsUrl;
            history = o.history;
            arguments = new ArrayList<>(o.arguments);
        }

        public Builder workloads(String... names) {
            return workloads(List.of(names));
        }

        public Builder workloads(List<String> names) {
            workloads = new ArrayList<>(names);
            return this;
        }

        /** How long each workload is watched after warm-up. */
        public Builder durationSeconds(long seconds) {
            durationSeconds = seconds;
            return this;
        }

        /** The time between two checkpoints, each a full collection. */
        public Builder checkpointMillis(long millis) {
            checkpointMillis = millis;
            return this;
        }

        /** The most growth per operation, in bytes. */
        public Builder limitBytesPerOperation(Double bytes) {
            limitPerOperation = bytes;
            return this;
        }

        /** The most growth per second, in bytes. */
        public Builder limitBytesPerSecond(Double bytes) {
            limitPerSecond = bytes;
            return this;
        }

        public Builder outputFolder(Path folder) {
            outputFolder = folder;
            return this;
        }

        public Builder runsFolder(Path folder) {
            runsFolder = Objects.requireNonNull(folder, "runsFolder");
            return this;
        }

        public Builder budgets(Path file) {
            budgetsFile = file;
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

        public Builder heap(String size) {
            heap = Objects.requireNonNull(size, "heap");
            return this;
        }

        public Builder gc(String collector) {
            gc = Objects.requireNonNull(collector, "gc");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder parameter(String key, String value) {
            parameters.put(key, value);
            return this;
        }

        public Builder parameters(Map<String, String> all) {
            parameters = new LinkedHashMap<>(all);
            return this;
        }

        public Builder childJvm(ChildJvm child) {
            childJvm = child;
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

        public Builder history(boolean record) {
            history = record;
            return this;
        }

        public Builder arguments(List<String> given) {
            arguments = new ArrayList<>(given);
            return this;
        }

        /** The options, the duration and checkpoints checked: enough for a trend, and not more than a day's. */
        public LeakCheckOptions build() {
            if (durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS) {
                throw new RunInputException("--duration must be from 1 s to a day (24h), was " + durationSeconds
                        + " s");
            }
            RunOptions.Builder.range("--checkpoint-ms", checkpointMillis, 1, MAX_CHECKPOINT_MILLIS);
            int checkpoints = plan(List.of()).iterations();
            if (checkpoints < MIN_CHECKPOINTS) {
                throw new RunInputException("--duration " + durationSeconds + "s gives " + checkpoints
                        + " checkpoint(s): a trend needs at least " + MIN_CHECKPOINTS);
            }
            if (checkpoints > MAX_CHECKPOINTS) {
                throw new RunInputException("--duration " + durationSeconds + "s with --checkpoint-ms "
                        + checkpointMillis + " gives " + checkpoints + " checkpoints, each a full collection: at most "
                        + MAX_CHECKPOINTS);
            }
            return new LeakCheckOptions(new Builder(this));
        }

        private LeakCheckPlan plan(List<io.flightdeck.api.Workload> checked) {
            return new LeakCheckPlan(checked, durationSeconds, checkpointMillis, limitPerOperation, limitPerSecond);
        }
    }

    /**
     * {@code --duration} as a user writes it, in seconds: "60", "60s", "1500ms" (rounded up to whole seconds), "5m",
     * "5min", "1h"; from a second to a day.
     *
     * @throws RunInputException for anything else
     */
    public static long parseDuration(String text) {
        return parseDuration("--duration", text);
    }

    /** {@link #parseDuration(String)} for another option, named as {@code option} in what it refuses. */
    public static long parseDuration(String option, String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new RunInputException(option + " '" + text + "': use a time such as 60s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long seconds = switch (unit) {
            case "ms" -> (n + 999) / 1000;
            case "m", "min" -> n * 60;
            case "h" -> n * 3600;
            default -> n;
        };
        if (seconds < 1) {
            throw new RunInputException(option + " '" + text + "' is shorter than a second");
        }
        if (seconds > MAX_DURATION_SECONDS) {
            throw new RunInputException(option + " '" + text + "' is longer than a day (24h)");
        }
        return seconds;
    }

    /**
     * A growth limit as a user writes it ({@code --limit-bytes-per-op}, {@code --limit-bytes-per-s}), in bytes:
     * 32, 32B or 1KiB; null when not given.
     *
     * @param option the option's name, for the message
     * @throws RunInputException for what is not a size
     */
    public static Double parseBytes(String option, String text) {
        if (text == null) {
            return null;
        }
        Quantity q;
        try {
            q = Quantity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RunInputException(option + ": " + e.getMessage());
        }
        if (q.kind() != UnitKind.BYTES && q.kind() != UnitKind.NUMBER) {
            throw new RunInputException(option + " '" + text + "' is " + q.kind().description() + ", not a size");
        }
        return q.value();
    }

    /** The plan of these options for {@code checked}. */
    LeakCheckPlan plan(List<io.flightdeck.api.Workload> checked) {
        return new LeakCheckPlan(checked, b.durationSeconds, b.checkpointMillis, b.limitPerOperation,
                b.limitPerSecond);
    }
}
