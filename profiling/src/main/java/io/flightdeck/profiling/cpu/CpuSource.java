package io.flightdeck.profiling.cpu;

/**
 * Where the CPU samples of an analysis come from, best first: a recording may hold several (a JDK recording and
 * async-profiler's, concatenated; JDK 25's CPU-time sampler beside the execution sampler), and each estimates the
 * same CPU time, so only one is used, never a sum.
 */
public enum CpuSource {
    /** async-profiler's samples (its chunks write them as {@code jdk.ExecutionSample}): Java, native and kernel code, by CPU time. */
    ASYNC_PROFILER("async-profiler"),
    /** JDK 25's CPU-time sampler (JEP 509): every thread on the CPU, Java or native, by CPU time. */
    CPU_TIME_SAMPLE(CpuCollector.CPU_TIME_SAMPLE),
    /**
     * JFR's execution sampler (threads running Java) with its native-method sampler (threads in native code),
     * counted together as async-profiler's converter counts them.
     */
    EXECUTION_AND_NATIVE(CpuCollector.EXECUTION_SAMPLE + "+" + CpuCollector.NATIVE_SAMPLE);

    private final String label;

    CpuSource(String label) {
        this.label = label;
    }

    /** The name analysis.json and the reports give it. */
    public String label() {
        return label;
    }
}
