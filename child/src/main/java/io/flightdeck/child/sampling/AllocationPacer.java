package io.flightdeck.child.sampling;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Keeps async-profiler's allocation sampler at a bounded number of samples a second. Each sample costs the
 * allocating thread a JVMTI callback and a stack walk (about 25 µs here): at 512 KiB, a workload allocating 600 MB/s
 * paid 3 % of its throughput for 1,200 samples a second (docs/PERFORMANCE.md, "What recording costs"). So before a
 * case's measured iterations the interval is widened, by doublings of the floor, until the allocation rate of the
 * warm-up gives at most {@code samplesPerSecond}; a light allocator keeps the floor and all its samples.
 *
 * <p>Weights stay unbiased: async-profiler writes each chunk's interval into it (its {@code alloc} setting), so
 * samples taken at different intervals add up to the bytes allocated. The change is made between warm-up and
 * measurement by stopping the agent and resuming it with the new interval, which appends a chunk to its file.
 *
 * <p>Why JFR's chunk is broken between the two: the resumed agent numbers its methods, classes and names afresh, and
 * the JDK's reader takes a constant whose id it saw in the chunk just before for the same thing (an optimisation for
 * JFR's own chunks, whose ids are stable), so two of the agent's chunks in a row name new stacks' frames after
 * other methods. A JDK chunk started in between (the parent puts the chunks in the order they started) leaves the
 * reader nothing to take them from.
 *
 * <p>The parent asks for it with two system properties ({@link #PACING_PROPERTY}, {@link #AGENT_PROPERTY}); a run
 * whose {@code --alloc-interval} was given keeps that interval and is not paced.
 */
public final class AllocationPacer {

    /** "FLOOR_BYTES/SAMPLES_PER_SECOND", e.g. "524288/200". */
    public static final String PACING_PROPERTY = "flightdeck.allocPacing";
    /** The agent's options without its allocation interval, to resume it with ("event=cpu,interval=20ms,…"). */
    public static final String AGENT_PROPERTY = "flightdeck.allocPacing.agent";

    /** Runs one async-profiler command; {@link #asyncProfiler()} in a child, a fake in tests. */
    @FunctionalInterface
    public interface Agent {
        String execute(String command) throws Exception;
    }

    private static final long MAX_INTERVAL = 1024L * 1024 * 1024; // the largest --alloc-interval

    private final long floorBytes;
    private final int samplesPerSecond;
    private final String agentOptions;
    private final Agent agent;
    private final Runnable chunkBreak;
    private final PrintStream warnings;
    private long current;
    /** False once the agent was stopped and would not resume: no samples then, and the next pace tries again. */
    private boolean sampling = true;

    /** @param chunkBreak starts a new JFR chunk between the agent's two ({@link #newJfrChunk}) */
    public AllocationPacer(long floorBytes, int samplesPerSecond, String agentOptions, Agent agent,
                           Runnable chunkBreak, PrintStream warnings) {
        if (floorBytes <= 0 || samplesPerSecond <= 0) {
            throw new IllegalArgumentException("a positive floor and rate, not " + floorBytes + "/" + samplesPerSecond);
        }
        this.floorBytes = floorBytes;
        this.samplesPerSecond = samplesPerSecond;
        this.agentOptions = agentOptions;
        this.agent = agent;
        this.chunkBreak = chunkBreak;
        this.warnings = warnings;
        this.current = floorBytes;
    }

    /** The pacer the parent asked for, driving the agent loaded in this JVM; null when not asked or not readable. */
    public static AllocationPacer fromSystemProperties(PrintStream warnings) {
        String pacing = System.getProperty(PACING_PROPERTY);
        String options = System.getProperty(AGENT_PROPERTY);
        if (pacing == null || options == null || options.isBlank()) {
            return null;
        }
        String[] parts = pacing.split("/");
        try {
            return new AllocationPacer(Long.parseLong(parts[0].strip()), Integer.parseInt(parts[1].strip()), options,
                    asyncProfiler(), AllocationPacer::newJfrChunk, warnings);
        } catch (RuntimeException e) { // NumberFormatException, a missing part, a non-positive figure
            warnings.println("flightdeck: allocation sampling not paced: -D" + PACING_PROPERTY + "=" + pacing
                    + " is not FLOOR_BYTES/SAMPLES_PER_SECOND");
            return null;
        }
    }

    /** The agent as loaded with -agentpath: its Java API binds to the library already in this JVM. */
    static Agent asyncProfiler() {
        return command -> one.profiler.AsyncProfiler.getInstance().execute(command);
    }

    /**
     * Ends JFR's current chunk and starts another: a recording starting or stopping does that (it takes no events
     * of its own, and the run's recording keeps its settings).
     */
    static void newJfrChunk() {
        try (jdk.jfr.Recording divider = new jdk.jfr.Recording()) {
            divider.setName("flightdeck-chunk-break");
            divider.start();
            divider.stop();
        }
    }

    /**
     * The floor doubled until {@code bytesPerSecond} gives at most {@code samplesPerSecond} samples (at most 1 GiB);
     * the floor for an unknown or zero rate.
     */
    public static long intervalFor(long floorBytes, int samplesPerSecond, double bytesPerSecond) {
        long interval = floorBytes;
        if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
            return interval;
        }
        while (bytesPerSecond / interval > samplesPerSecond && interval * 2 <= MAX_INTERVAL) {
            interval *= 2;
        }
        return interval;
    }

    /**
     * Sets the interval for the iterations about to be measured from the allocation rate just seen (bytes a second,
     * all threads; NaN when unknown). When the agent refuses, it keeps sampling as before, and a line says so.
     *
     * @return the interval in force now; null when the agent is stopped (it would not resume)
     */
    public Long pace(double bytesPerSecond) {
        long wanted = intervalFor(floorBytes, samplesPerSecond, bytesPerSecond);
        if (sampling && wanted == current) {
            return current;
        }
        if (sampling) {
            try {
                agent.execute("stop,loglevel=warn"); // a bare stop would set its log level back to info, on stdout
            } catch (Exception | LinkageError e) {
                warn("could not stop async-profiler to change its allocation interval", e);
                return current;
            }
            sampling = false;
            try {
                chunkBreak.run();
            } catch (RuntimeException | LinkageError e) { // JFR not recording: nothing of the JDK's to read anyway
                warn("could not start a new JFR chunk between async-profiler's", e);
            }
        }
        if (resume(wanted, "async-profiler refused allocation every " + wanted + " bytes; resuming at " + current)) {
            current = wanted;
        } else if (!resume(current, "async-profiler did not resume: no CPU or allocation samples until it does")) {
            return null;
        }
        sampling = true;
        return current;
    }

    private boolean resume(long interval, String failure) {
        try {
            agent.execute("resume," + agentOptions + ",alloc=" + interval);
            return true;
        } catch (Exception | LinkageError e) {
            warn(failure, e);
            return false;
        }
    }

    /** The interval in force. */
    public long interval() {
        return current;
    }

    private void warn(String what, Throwable cause) {
        warnings.println(String.format(Locale.ROOT, "flightdeck: %s (%s)", what,
                cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
    }
}
