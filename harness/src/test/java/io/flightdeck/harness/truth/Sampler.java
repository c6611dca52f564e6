package io.flightdeck.harness.truth;

import java.nio.file.Path;
import java.util.List;

/**
 * How a truth program is recorded: the JVM options of each sampler the issue names, as {@code flightdeck profile}
 * is to pass them. Until that command exists the tests pass the options themselves; this enum is the one place
 * that knows them.
 *
 * <p>Sampling rates are five times their defaults (2 ms where JFR's profile settings say 10 ms, async-profiler's
 * interval 2 ms instead of 10 ms), with JFR's native sampler kept at twice the Java sampler's period as in the
 * profile settings. Why: a program of about 4 s of CPU then gives about 2,000 samples instead of 400, and the
 * sampling error of a 25 % share falls from about 2 points to about 1, well inside the 3 points the checks allow;
 * at the default rates a correct profile would fail them now and then by chance alone.
 */
enum Sampler {

    /** JFR's profile settings: {@code ExecutionSample} and {@code NativeMethodSample} (at twice its period). */
    JFR("jfr") {
        @Override
        List<String> options(Path recording) {
            return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints", jfr(recording, ""));
        }
    },
    /** JFR as above but without {@code -XX:+DebugNonSafepoints}: as the harness's children record today. */
    JFR_WITHOUT_DEBUG_NON_SAFEPOINTS("jfr-without-DebugNonSafepoints") {
        @Override
        List<String> options(Path recording) {
            return List.of(jfr(recording, ""));
        }
    },
    /** JDK 25+ on Linux: JFR's profile settings plus the CPU-time sampler of JEP 509. */
    JFR_CPU_TIME("jfr-cpu-time") {
        @Override
        List<String> options(Path recording) {
            return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
                    jfr(recording, "jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=2ms,"));
        }
    },
    /**
     * async-profiler alone: CPU (falling back from perf events to a CPU timer where the kernel refuses them),
     * allocations by sampled bytes, locks waited on for 10 ms or more; JFR-format output. It turns
     * DebugNonSafepoints on itself.
     */
    ASYNC_PROFILER("async-profiler") {
        @Override
        List<String> options(Path recording) {
            return List.of("-agentpath:" + AsyncProfilerAgent.library()
                    + "=start,event=cpu,interval=2ms,alloc,lock=10ms,jfr,file=" + recording);
        }
    };

    final String label;

    Sampler(String label) {
        this.label = label;
    }

    abstract List<String> options(Path recording);

    private static String jfr(Path recording, String extra) {
        return "-XX:StartFlightRecording=settings=profile,jdk.ExecutionSample#period=2ms,"
                + "jdk.NativeMethodSample#period=4ms," + extra + "dumponexit=true,filename=" + recording;
    }
}
