package io.flightdeck.harness.truth;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The JDKs and samplers a truth test names, skipped (not failed) where the machine lacks them. */
final class Configurations {

    private Configurations() {
    }

    /**
     * The tag of the tests that profile a program on the default JDK and on JDK 25 whatever JDK runs the tests: a
     * second pass of the suite on JDK 25 would only repeat them (.ci/run leaves them out of that pass).
     */
    static final String GROUND_TRUTH = "ground-truth";

    /** The tests' own JDK: 17 unless JAVA_HOME says otherwise. */
    static Jdk defaultJdk() {
        return Jdk.current();
    }

    static Jdk jdk25() {
        assumeTrue(Jdk.jdk25().isPresent(), "no JDK 25 at " + Jdk.TEMURIN_25);
        return Jdk.jdk25().orElseThrow();
    }

    static Sampler asyncProfiler() {
        assumeTrue(AsyncProfilerAgent.available(), "no async-profiler agent for this OS and architecture");
        return Sampler.ASYNC_PROFILER;
    }

    static Sampler jfrCpuTime(Jdk jdk) {
        assumeTrue(jdk.feature() >= 25 && System.getProperty("os.name").startsWith("Linux"),
                "jdk.CPUTimeSample needs JDK 25+ on Linux");
        return Sampler.JFR_CPU_TIME;
    }
}
