package io.flightdeck.harness.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How the run was set up: enough to repeat it.
 *
 * @param parameters the workloads' {@code --param}s as given (a workload's own defaults are not listed)
 * @param budgets  where the budgets came from: the class path's or the file given
 * @param children the children's java, extra flags and sampler; null in reports written before they were recorded
 */
public record RunSettings(String suite, String scale, Map<String, String> parameters, long seed, int forks, String heap, String gc,
                          boolean jfr, String jfrSettings, int coldStartOperations, int warmupIterations,
                          int measurementIterations, long iterationMillis, long timeoutSeconds, String budgets,
                          List<String> workloads, List<String> arguments, LeakCheckSettings leakChecks,
                          ChildSettings children) {

    @JsonCreator
    public RunSettings {
        // reports written before parameters were recorded (they had a "store" of their own) read as none
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Settings without the children's part (their java, flags and sampler unrecorded). */
    public RunSettings(String suite, String scale, Map<String, String> parameters, long seed, int forks, String heap,
                       String gc, boolean jfr, String jfrSettings, int coldStartOperations, int warmupIterations,
                       int measurementIterations, long iterationMillis, long timeoutSeconds, String budgets,
                       List<String> workloads, List<String> arguments, LeakCheckSettings leakChecks) {
        this(suite, scale, parameters, seed, forks, heap, gc, jfr, jfrSettings, coldStartOperations, warmupIterations,
                measurementIterations, iterationMillis, timeoutSeconds, budgets, workloads, arguments, leakChecks,
                null);
    }

    /**
     * The leak checks' settings, null when the run did none.
     *
     * @param workloads        the workloads checked
     * @param durationSeconds  how long each case was watched after warm-up
     * @param checkpointMillis the time between checkpoints
     */
    public record LeakCheckSettings(List<String> workloads, long durationSeconds, long checkpointMillis) {
    }

    /**
     * How the children were started beyond heap and collector.
     *
     * @param samplerAsked   {@code --sampler}: auto, async-profiler, jfr-cpu-time or jfr
     * @param samplerUsed    what the children ran with; null without a recording
     * @param samplerReason  why not something better (a sampler that did not load); null when none failed
     * @param jvmArgs        {@code --jvm-args}, split
     * @param java           the children's java executable
     * @param javaVersion    its {@code java.version}
     * @param samplerEvery   {@code --cpu-interval} and {@code --alloc-interval} when not the defaults ("CPU every
     *                       20 ms, allocation every 8 MiB"); null at the defaults or without a recording
     * @param allocationPaced true when the children paced async-profiler's allocation sampler (no
     *                       {@code --alloc-interval} given); null when they did not, and in reports written before
     */
    public record ChildSettings(String samplerAsked, String samplerUsed, String samplerReason, List<String> jvmArgs,
                                String java, String javaVersion, String samplerEvery, Boolean allocationPaced) {
        public ChildSettings {
            jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
            allocationPaced = Boolean.TRUE.equals(allocationPaced) ? Boolean.TRUE : null;
        }

        /** Children whose allocation sampler was not paced. */
        public ChildSettings(String samplerAsked, String samplerUsed, String samplerReason, List<String> jvmArgs,
                             String java, String javaVersion, String samplerEvery) {
            this(samplerAsked, samplerUsed, samplerReason, jvmArgs, java, javaVersion, samplerEvery, null);
        }

        /** "async-profiler (asked auto)", "jfr (asked async-profiler: it did not load …)", "none". */
        public String samplerText() {
            if (samplerUsed == null) {
                return "none (no recording)";
            }
            return samplerUsed + (samplerAsked == null || samplerAsked.equals(samplerUsed) ? "" : " (asked "
                    + samplerAsked + ")") + (samplerReason == null ? "" : ": " + samplerReason)
                    + (samplerEvery == null ? "" : ", " + samplerEvery);
        }
    }
}
