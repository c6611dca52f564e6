package io.flightdeck.child;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/** Time the JIT compilers have spent so far: while it still grows, the code being measured is still changing. */
final class JitClock {

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private JitClock() {
    }

    /** Accumulated compilation time in milliseconds; 0 where the JVM does not monitor it. */
    static long millis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }
}
