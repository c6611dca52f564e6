package io.flightdeck.harness.sampler;

import java.util.Arrays;
import java.util.Locale;

/** The CPU and allocation sampler of a child JVM, as {@code --sampler} names it. */
public enum Sampler {
    /** The best that loads here: async-profiler, else jdk.CPUTimeSample, else JFR's own samples. */
    AUTO("auto"),
    /** async-profiler's agent: CPU with native and kernel frames, allocation by sampled bytes. */
    ASYNC_PROFILER("async-profiler"),
    /** {@code jdk.CPUTimeSample} (JEP 509), JDK 25+ on Linux. */
    JFR_CPU_TIME("jfr-cpu-time"),
    /** JFR's {@code jdk.ExecutionSample} plus {@code jdk.NativeMethodSample}. */
    JFR("jfr");

    private final String id;

    Sampler(String id) {
        this.id = id;
    }

    /** The name on the command line and in reports. */
    public String id() {
        return id;
    }

    /** The sampler named {@code id}; null when none is. */
    public static Sampler byId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst().orElse(null);
    }

    /** What is wrong with an option value, null when it names a sampler (for the CLI's option rules). */
    public static String problem(Object value) {
        return byId(String.valueOf(value)) != null ? null
                : "'" + value + "': use auto, async-profiler, jfr-cpu-time or jfr";
    }
}
