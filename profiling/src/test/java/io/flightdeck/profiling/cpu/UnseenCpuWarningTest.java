package io.flightdeck.profiling.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the samples of a CPU-time sampler stand for too little of the JVM's CPU time, the analysis says why. */
class UnseenCpuWarningTest {

    private static final long S = 1_000_000_000L;

    @Test
    void lessThanHalfAndASecondMissingIsWarned() {
        assertThat(CpuPlugin.unseenCpuWarning(CpuSource.ASYNC_PROFILER, S / 10, 3 * S))
                .contains("0.1 s of the JVM's 3.0 s", "per-thread CPU timer", "--sampler jfr")
                .doesNotContain("JIT"); // async-profiler samples the JVM's own threads too
        assertThat(CpuPlugin.unseenCpuWarning(CpuSource.CPU_TIME_SAMPLE, S, 5 * S / 2))
                .contains("1.0 s of the JVM's 2.5 s", "JIT compilers, GC");
    }

    @Test
    void samplesThatAccountForTheCpuTimeAreNot() {
        assertThat(CpuPlugin.unseenCpuWarning(CpuSource.ASYNC_PROFILER, 3 * S / 2, 3 * S)).as("half").isNull();
        assertThat(CpuPlugin.unseenCpuWarning(CpuSource.ASYNC_PROFILER, S / 10, S)).as("under a second missing")
                .isNull();
        assertThat(CpuPlugin.unseenCpuWarning(CpuSource.ASYNC_PROFILER, 0, 0)).as("no jdk.CPULoad").isNull();
        assertThat(CpuPlugin.unseenCpuWarning(CpuSource.EXECUTION_AND_NATIVE, -1, 10 * S))
                .as("JFR's execution sampler: wall-clock ticks, not CPU time").isNull();
    }
}
