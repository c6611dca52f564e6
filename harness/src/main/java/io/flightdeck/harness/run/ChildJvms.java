package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.codehaus.plexus.util.cli.CommandLineUtils;

import io.flightdeck.harness.check.Quantity;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.harness.runner.ChildRuntime;
import io.flightdeck.harness.sampler.AsyncProfilerLibrary;
import io.flightdeck.harness.sampler.ChildJava;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.sampler.Sampler;
import io.flightdeck.harness.sampler.SamplerChooser;
import io.flightdeck.harness.sampler.SamplerDecision;
import io.flightdeck.harness.sampler.SamplingIntervals;
import io.flightdeck.harness.workload.UserClassPath;

/**
 * The children's JVM of a run or a leak check, as {@code --sampler}, {@code --java}, {@code --jvm-args} and
 * {@code --classpath} choose it: the java they run on, the extra flags, the sampler (tried once for real, see
 * {@link SamplerChooser}) and the class path. What the command line resolves from its options, any other caller
 * (a build plugin) resolves here, and hands to {@code RunOptions.Builder.childJvm} or
 * {@code LeakCheckOptions.Builder.childJvm}.
 *
 * <pre>{@code
 * ChildJvm child = ChildJvms.builder().sampler("async-profiler").jvmArgs(ChildJvms.splitFlags("-Xss2m"))
 *         .userClassPath(classPath).resolve(progress);
 * }</pre>
 *
 * Bad input (an unknown sampler, a java that is none, unbalanced quotes) is a {@link RunInputException}; a sampler
 * that cannot be had falls back to the next best, with a {@link RunProgress#warning} that says why, never a failure.
 */
public final class ChildJvms {

    private ChildJvms() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a {@link ChildJvm} is made of, resolved by {@link #resolve}; every setter returns the builder. */
    public static final class Builder {

        private Sampler sampler = Sampler.AUTO;
        private String java;
        private List<String> jvmArgs = List.of();
        private UserClassPath userClassPath;
        private Path home;
        private boolean recording = true;
        private long cpuNanos = SamplingIntervals.MEASURING_CPU_NANOS;
        private Long allocBytes;
        private Long wallNanos;

        private Builder() {
        }

        /**
         * {@code --cpu-interval}: a CPU sample per this much CPU time, "20ms" (the default for measured children,
         * also for null; see {@link SamplingIntervals#MEASURING_CPU_NANOS}), from 1 ms to 1 s.
         *
         * @throws RunInputException for anything else
         */
        public Builder cpuInterval(String text) {
            if (text != null) {
                cpuNanos = ChildJvms.cpuInterval(text);
            }
            return this;
        }

        /**
         * {@code --alloc-interval}: an allocation sample per this many bytes allocated, "512KiB" (the default, also
         * for null), from 1 KiB to 1 GiB; async-profiler's sampler only.
         *
         * @throws RunInputException for anything else
         */
        public Builder allocInterval(String text) {
            if (text != null) {
                allocBytes = ChildJvms.allocInterval(text);
            }
            return this;
        }

        /**
         * {@code --wall-interval}: async-profiler's wall-clock samples beside its CPU ones, "50ms", or "off" (the
         * default for measured children, also for null: they cost a signal per thread each interval).
         *
         * @throws RunInputException for anything else
         */
        public Builder wallInterval(String text) {
            if (text != null) {
                wallNanos = ChildJvms.wallInterval(text);
            }
            return this;
        }

        /**
         * auto (the default, also for null), async-profiler, jfr-cpu-time or jfr.
         *
         * @throws RunInputException for any other name, at once: before anything is checked or started
         */
        public Builder sampler(String id) {
            sampler = ChildJvms.sampler(id);
            return this;
        }

        /** A java executable or a JDK home; null (the default) for the JDK this program runs on. */
        public Builder java(String executableOrHome) {
            java = executableOrHome;
            return this;
        }

        /** Extra flags for every child, one flag an element ({@link #splitFlags} splits a line of them as a shell does). */
        public Builder jvmArgs(List<String> flags) {
            jvmArgs = flags == null ? List.of() : List.copyOf(flags);
            return this;
        }

        /**
         * The user's class path: each child runs on its entries and then Flightdeck's child runtime. Null (the
         * default): on this program's own class path, unless the run's options give one.
         */
        public Builder userClassPath(UserClassPath classPath) {
            userClassPath = classPath;
            return this;
        }

        /**
         * The home folder, as the run's options give it (null for FLIGHTDECK_HOME, else the project root's
         * .flightdeck): its cache holds the extracted async-profiler agent and child runtime.
         */
        public Builder home(Path folder) {
            home = folder;
            return this;
        }

        /** False when the children run without a recording ({@code --no-jfr}): no sampler is tried. */
        public Builder recording(boolean record) {
            recording = record;
            return this;
        }

        /**
         * The children's JVM: the java checked by running it, the flags, the class path with the child runtime, and
         * the sampler tried; a fallback is said through {@code progress.warning}.
         *
         * @throws RunInputException for a sampler, java or class path that cannot be used
         */
        public ChildJvm resolve(RunProgress progress) {
            return resolve(ChildRuntime.cacheRoots(HomeFolders.home(home).directory()), progress);
        }

        /** {@link #resolve(RunProgress)} with the agent and runtime extracted into the first of {@code cacheRoots}. */
        public ChildJvm resolve(List<Path> cacheRoots, RunProgress progress) {
            ChildJava childJava = ChildJvms.java(java);
            List<Path> classPath = ChildClassPaths.of(userClassPath, cacheRoots);
            SamplerDecision decision = recording
                    ? atIntervals(decide(sampler, childJava, cacheRoots, progress), cpuNanos, allocBytes, wallNanos,
                            progress)
                    : SamplerDecision.JFR;
            return new ChildJvm(childJava, jvmArgs, decision, classPath);
        }
    }

    /** The sampler {@code id} names ({@code --sampler}); auto for null. */
    public static Sampler sampler(String id) {
        if (id == null) {
            return Sampler.AUTO;
        }
        Sampler sampler = Sampler.byId(id);
        if (sampler == null) {
            throw new RunInputException("--sampler " + Sampler.problem(id));
        }
        return sampler;
    }

    /**
     * The sampler at the intervals asked for: {@code allocBytes} (null when not given) only where async-profiler
     * samples allocations by bytes; with another sampler it is said through {@code progress.warning} and left out.
     */
    public static SamplerDecision atIntervals(SamplerDecision decision, long cpuNanos, Long allocBytes,
                                              RunProgress progress) {
        return atIntervals(decision, cpuNanos, allocBytes, null, progress);
    }

    /**
     * The same with wall-clock samples every {@code wallNanos} (null when not given, 0 for none): async-profiler's
     * only, said through {@code progress.warning} and left out with another sampler.
     */
    public static SamplerDecision atIntervals(SamplerDecision decision, long cpuNanos, Long allocBytes,
                                              Long wallNanos, RunProgress progress) {
        SamplingIntervals every = SamplingIntervals.DEFAULTS.withCpuNanos(cpuNanos);
        boolean asyncProfiler = decision.used() == Sampler.ASYNC_PROFILER;
        if (allocBytes != null) {
            if (asyncProfiler) {
                every = every.withAllocBytes(allocBytes);
            } else {
                progress.warning("--alloc-interval is for async-profiler's allocation sampler; "
                        + decision.used().id() + " samples allocations as the JFR settings say");
            }
        }
        if (wallNanos != null && wallNanos > 0) {
            if (asyncProfiler) {
                every = every.withWallNanos(wallNanos);
            } else {
                progress.warning("--wall-interval is for async-profiler's wall-clock sampler; with "
                        + decision.used().id() + " off-CPU time comes from JFR's events over their thresholds");
            }
        }
        return decision.withIntervals(every);
    }

    /** {@code --wall-interval} in nanoseconds: "50ms", "10ms", or "off" (0). */
    public static long wallInterval(String text) {
        if (text != null && text.strip().equalsIgnoreCase("off")) {
            return 0;
        }
        return samplingPeriod("--wall-interval", text, "a time such as 50ms, or off", ", or off");
    }

    /** {@code --cpu-interval} in nanoseconds, whole microseconds: "10ms", "2.5ms", "20000us". */
    public static long cpuInterval(String text) {
        return samplingPeriod("--cpu-interval", text, "a time such as 10ms or 20ms", "");
    }

    /** A sampling period in whole microseconds' nanoseconds, from 1 ms to 1 s ({@code also}: what else it may be). */
    private static long samplingPeriod(String option, String text, String example, String also) {
        Quantity q = quantity(option, text, UnitKind.DURATION, example);
        long nanos = Math.round(q.value() / 1_000) * 1_000;
        if (nanos < SamplingIntervals.MIN_CPU_NANOS || nanos > SamplingIntervals.MAX_CPU_NANOS) {
            throw new RunInputException(option + " '" + text + "': from 1ms to 1s" + also);
        }
        return nanos;
    }

    /** {@code --alloc-interval} in bytes: "512KiB", "8MiB", "2MB", or a bare number of bytes. */
    public static long allocInterval(String text) {
        Quantity q = quantity("--alloc-interval", text, UnitKind.BYTES, "a size such as 512KiB or 8MiB");
        long bytes = Math.round(q.value());
        if (bytes < SamplingIntervals.MIN_ALLOC_BYTES || bytes > SamplingIntervals.MAX_ALLOC_BYTES) {
            throw new RunInputException("--alloc-interval '" + text + "': from 1KiB to 1GiB");
        }
        return bytes;
    }

    private static Quantity quantity(String option, String text, UnitKind kind, String example) {
        Quantity q;
        try {
            q = Quantity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RunInputException(option + ": " + e.getMessage());
        }
        if (q.kind() == UnitKind.NUMBER && kind == UnitKind.BYTES) {
            return q;
        }
        if (q.kind() != kind) {
            throw new RunInputException(option + " '" + text + "': use " + example);
        }
        return q;
    }

    /** {@code --java}: this program's own JDK for null; a path that is no runnable java is refused. */
    public static ChildJava java(String given) {
        if (given == null) {
            return ChildJava.current();
        }
        try {
            return ChildJava.resolve(given);
        } catch (IllegalArgumentException e) {
            throw new RunInputException("--java " + e.getMessage());
        }
    }

    /**
     * {@code --jvm-args}: flags split as a shell splits words, on blanks, with single or double quotes around a word
     * or part of one that holds blanks ({@code -Dname="a b"}), as JMH's -jvmArgs. Null, empty or blank gives none.
     *
     * @throws RunInputException for unbalanced quotes
     */
    public static List<String> splitFlags(String text) {
        return splitWords("--jvm-args", text);
    }

    /**
     * Words split as a shell splits them (see {@link #splitFlags}), a bad text named as {@code option} in the
     * message.
     */
    public static List<String> splitWords(String option, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            // the library splits on spaces only: tabs and line breaks (a flag list pasted from a file) are blanks too
            return List.of(CommandLineUtils.translateCommandline(text.replaceAll("[\\t\\r\\n\\f]", " ")));
        } catch (Exception e) { // the library declares Exception; it throws for unbalanced quotes
            throw new RunInputException(option + " '" + text + "': " + e.getMessage());
        }
    }

    /**
     * The sampler asked for if it loads in {@code java}, else the next best; a fallback is said through
     * {@code progress.warning} ({@link #fallbackWarning}).
     *
     * @param cacheRoots where the async-profiler agent may be extracted, the first that takes it
     */
    public static SamplerDecision decide(Sampler asked, ChildJava java, List<Path> cacheRoots, RunProgress progress) {
        SamplerDecision decision = SamplerChooser.choose(asked, java, () -> extract(cacheRoots));
        if (decision.warning()) {
            progress.warning(fallbackWarning(decision));
        }
        return decision;
    }

    /** "sampler jfr instead of async-profiler: async-profiler did not load: …". */
    public static String fallbackWarning(SamplerDecision decision) {
        return "sampler " + decision.used().id() + " instead of " + decision.asked().id() + ": " + decision.reason();
    }

    private static Path extract(List<Path> roots) throws IOException {
        IOException first = null;
        for (Path root : roots) {
            try {
                return AsyncProfilerLibrary.extract(root);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        throw first == null ? new IOException("no cache folder") : first;
    }
}
