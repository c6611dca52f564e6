package io.flightdeck.harness.env;

/**
 * The machine's counters that {@link NoiseMonitor} reads each interval: OSHI's in production ({@link OshiCounters}),
 * figures a test sets in tests, so that no test depends on how busy the machine running it is. Each read returns
 * null where the figure cannot be had; none throws.
 */
interface MachineCounters {

    /** Logical cores, at least 1. */
    int logicalCores();

    /** Whole-system CPU ticks by {@link oshi.hardware.CentralProcessor.TickType} index; null if unreadable. */
    long[] cpuTicks();

    /** User plus kernel CPU time of {@code pid} so far, in milliseconds; null once it has exited. */
    Long cpuMillis(int pid);

    /** This process's id; null if unknown. */
    Integer ownPid();

    /** Swap in use, in bytes; null if unknown. */
    Long swapUsedBytes();

    /** The 1-minute load average; null where the OS has none. */
    Double loadAverage1m();

    /** CPU frequency governor; null where there is none. */
    String governor();
}
