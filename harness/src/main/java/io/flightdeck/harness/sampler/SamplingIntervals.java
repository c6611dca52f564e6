package io.flightdeck.harness.sampler;

import java.util.Locale;

/**
 * How often the children's samplers sample: the trade between what a sample costs the program and how many samples
 * the analysis has (docs/PERFORMANCE.md, "What recording costs").
 *
 * @param cpuNanos   a CPU sample per this much of a thread's CPU time (async-profiler, JDK 25's CPU-time sampler;
 *                   JFR's execution sampler: per this much wall time, native samples at twice it, as in its profile
 *                   settings)
 * @param allocBytes an allocation sample per this many bytes a thread allocates (async-profiler; JFR's own
 *                   allocation sampler is limited by rate instead, and left as its settings say)
 * @param allocPaced true when {@code allocBytes} is a floor, not a fixed interval: a run's child widens it before
 *                   each case's measurement to keep at most {@link #PACED_SAMPLES_PER_SECOND} allocation samples a
 *                   second (the child's {@code AllocationPacer}); the default, false once {@code --alloc-interval}
 *                   is given
 * @param wallNanos  async-profiler's wall-clock samples besides CPU ones: every thread, running or not, once per this
 *                   much wall time; 0 for none. They tell where off-CPU time went (sleeps, waits, I/O) however short
 *                   each wait, where JFR's duration events see only waits over their threshold (10 ms).
 */
public record SamplingIntervals(long cpuNanos, long allocBytes, boolean allocPaced, long wallNanos) {

    /** async-profiler's own CPU interval and JFR's profile settings' period: what {@code profile} samples at. */
    public static final long DEFAULT_CPU_NANOS = 10_000_000L;
    /**
     * The CPU interval of JVMs whose speed is being measured (a run's, a leak check's and a JMH run's children): JFR's
     * default settings' period. Why not 10 ms: on the 2-core VM the CPU sampler at 10 ms cost the SQLite lifecycle
     * about 1.5 points more than at 20 ms (the in-memory one no visible difference; docs/PERFORMANCE.md, "What
     * recording costs"), against a goal of 3 % for the whole recording; a 5-second measurement still has 250
     * samples per busy thread.
     */
    public static final long MEASURING_CPU_NANOS = 20_000_000L;
    /** async-profiler's default interval for {@code alloc}, the JVM's heap sampler's too. */
    public static final long DEFAULT_ALLOC_BYTES = 512 * 1024;
    /**
     * Allocation samples a second a paced sampler allows. Why 200: a sample costs the allocating thread about 25 µs
     * here, so 200 cost 0.5 % of one core, and a 5-second measurement still has about 1,000 samples (a 30 % share
     * within ±3 points).
     */
    public static final int PACED_SAMPLES_PER_SECOND = 200;
    public static final SamplingIntervals DEFAULTS = new SamplingIntervals(DEFAULT_CPU_NANOS, DEFAULT_ALLOC_BYTES,
            true);
    /**
     * The wall-clock interval of {@code profile}, where nothing's speed is measured: 50 ms, async-profiler's own
     * default for wall-clock sampling (a 10-second program gives 200 samples a thread).
     */
    public static final long PROFILE_WALL_NANOS = 50_000_000L;

    public static final long MIN_CPU_NANOS = 1_000_000L;
    public static final long MAX_CPU_NANOS = 1_000_000_000L;
    public static final long MIN_ALLOC_BYTES = 1024;
    public static final long MAX_ALLOC_BYTES = 1024L * 1024 * 1024;

    public SamplingIntervals {
        cpuNanos = cpuNanos / 1_000 * 1_000; // whole microseconds: what JFR's and async-profiler's settings say
        if (cpuNanos < MIN_CPU_NANOS || cpuNanos > MAX_CPU_NANOS) {
            throw new IllegalArgumentException("a CPU interval from 1 ms to 1 s, not " + cpuNanos + " ns");
        }
        if (allocBytes < MIN_ALLOC_BYTES || allocBytes > MAX_ALLOC_BYTES) {
            throw new IllegalArgumentException("an allocation interval from 1 KiB to 1 GiB, not " + allocBytes + " bytes");
        }
        wallNanos = wallNanos / 1_000 * 1_000;
        if (wallNanos != 0 && (wallNanos < MIN_CPU_NANOS || wallNanos > MAX_CPU_NANOS)) {
            throw new IllegalArgumentException("a wall-clock interval from 1 ms to 1 s, or none, not " + wallNanos
                    + " ns");
        }
    }

    /** No wall-clock samples. */
    public SamplingIntervals(long cpuNanos, long allocBytes, boolean allocPaced) {
        this(cpuNanos, allocBytes, allocPaced, 0);
    }

    /** Fixed intervals, as given, and no wall-clock samples. */
    public SamplingIntervals(long cpuNanos, long allocBytes) {
        this(cpuNanos, allocBytes, false);
    }

    /**
     * At async-profiler's own intervals (10 ms, 512 KiB), paced or not (an explicit {@code --alloc-interval 512KiB}
     * is only not paced): what needs no mention beside the sampler's name. A measured JVM's 20 ms is mentioned.
     */
    public boolean isDefault() {
        return cpuNanos == DEFAULT_CPU_NANOS && allocBytes == DEFAULT_ALLOC_BYTES && wallNanos == 0;
    }

    /** The same intervals, fixed: for a JVM that cannot pace (a profiled program, a JMH fork). */
    public SamplingIntervals fixed() {
        return new SamplingIntervals(cpuNanos, allocBytes, false, wallNanos);
    }

    public SamplingIntervals withCpuNanos(long nanos) {
        return new SamplingIntervals(nanos, allocBytes, allocPaced, wallNanos);
    }

    /** A fixed allocation interval: given, so never paced. */
    public SamplingIntervals withAllocBytes(long bytes) {
        return new SamplingIntervals(cpuNanos, bytes, false, wallNanos);
    }

    /** Wall-clock samples every {@code nanos}; 0 for none. */
    public SamplingIntervals withWallNanos(long nanos) {
        return new SamplingIntervals(cpuNanos, allocBytes, allocPaced, nanos);
    }

    /** The wall-clock interval as async-profiler reads it ("50ms"); only when {@link #wallNanos} is not 0. */
    public String wall() {
        return duration(wallNanos);
    }

    /** The CPU interval as JFR's settings and async-profiler both read it: "10ms", or "2500us". */
    public String cpu() {
        return duration(cpuNanos);
    }

    /** JFR's native sampler's period: twice the execution sampler's, as JFR's profile settings have it. */
    String nativePeriod() {
        return duration(2 * cpuNanos);
    }

    /**
     * "CPU every 10 ms, allocation every 512 KiB", the allocation left out for a sampler that does not sample
     * allocation by bytes: for the report's settings and a terminal line.
     */
    public String describe(boolean allocationByBytes) {
        String cpu = "CPU every " + readable(cpuNanos);
        String wall = wallNanos == 0 ? "" : ", wall clock every " + readable(wallNanos);
        if (!allocationByBytes) {
            return cpu + wall;
        }
        return cpu + wall + ", allocation every " + bytes(allocBytes)
                + (allocPaced ? " or wider (at most " + PACED_SAMPLES_PER_SECOND + " a second)" : "");
    }

    private static String readable(long nanos) {
        return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + " ms" : nanos / 1_000 + " µs";
    }

    private static String duration(long nanos) {
        return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : nanos / 1_000 + "us";
    }

    private static String bytes(long b) {
        if (b % (1024 * 1024) == 0) {
            return b / (1024 * 1024) + " MiB";
        }
        return b % 1024 == 0 ? b / 1024 + " KiB" : b + " B";
    }
}
