package io.flightdeck.harness.env;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.hardware.CentralProcessor.TickType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples, on a daemon thread, how busy the machine is apart from what is being measured, so a run can say whether
 * its timings were taken on a quiet machine.
 *
 * <p>Each interval: whole-system CPU busy (OSHI tick deltas) minus the CPU time of this process and of every PID
 * given to {@link #measure(long)} (e.g. a forked benchmark JVM) gives the CPU used by other processes, in cores;
 * plus swap in use and the 1-minute load average. {@link #stop()} turns the samples into a {@link NoiseReport}
 * via {@link NoiseAssessment}.
 *
 * <p>Limits: ticks are 10 ms, so short intervals are coarse; a measured process that exits mid-interval takes its
 * counters with it, so that interval's whole busy CPU is credited to the measured work (real noise in that one
 * interval goes unseen rather than our own JVM's exit being reported as noise). Never throws once started: if OSHI cannot read the
 * counters, the report says no samples were taken.
 *
 * <p>The counters ({@link MachineCounters}) and the clock are injected, so tests set every figure themselves and
 * take samples by hand ({@link #manual}) instead of asserting on how busy their own machine is.
 */
public final class NoiseMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NoiseMonitor.class);

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final Duration interval;
    private final MachineCounters counters;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final String governor;
    private final int logicalCores;
    private final Long swapAtStart;
    private final ScheduledExecutorService executor; // null when samples are taken by hand

    // Guarded by this: the sampler thread and measure()/stop() callers all touch them.
    private final Map<Integer, Long> lastCpuMillisByPid = new LinkedHashMap<>();
    private final List<NoiseSample> samples = new ArrayList<>();
    private long[] lastTicks;
    private long lastSampleNanos;
    private NoiseReport report;

    private NoiseMonitor(Duration interval, MachineCounters counters, LongSupplier nanoClock, boolean periodic) {
        this.interval = interval;
        this.counters = counters;
        this.nanoClock = nanoClock;
        this.governor = counters.governor();
        int logical = counters.logicalCores();
        this.logicalCores = logical > 0 ? logical : Runtime.getRuntime().availableProcessors();
        this.swapAtStart = counters.swapUsedBytes();
        this.lastTicks = counters.cpuTicks();
        if (lastTicks == null) {
            LOG.warn("CPU counters unavailable: noise will not be measured");
        }
        Integer self = counters.ownPid();
        if (self != null) {
            track(self); // the harness's own CPU (this sampler included) is not noise from someone else
        }
        this.startNanos = nanoClock.getAsLong();
        this.lastSampleNanos = startNanos;
        if (!periodic) {
            this.executor = null;
            return;
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flightdeck-noise-monitor");
            t.setDaemon(true); // never keeps the JVM alive if a caller forgets stop()
            return t;
        });
        if (lastTicks != null) {
            long ms = interval.toMillis();
            executor.scheduleAtFixedRate(this::sampleNow, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts sampling every {@link #DEFAULT_INTERVAL}. */
    public static NoiseMonitor start() {
        return start(DEFAULT_INTERVAL);
    }

    /** Starts sampling every {@code interval} (at least 1 ms; below ~100 ms the 10 ms ticks make samples coarse). */
    public static NoiseMonitor start(Duration interval) {
        return new NoiseMonitor(checked(interval), new OshiCounters(), System::nanoTime, true);
    }

    /**
     * A monitor that samples only when {@link #sampleNow()} is called, reading {@code counters} at the times
     * {@code nanoClock} gives: for tests, which then control every figure. {@code interval} only decides whether
     * {@link #stop()} takes a last sample of the tail.
     */
    static NoiseMonitor manual(MachineCounters counters, LongSupplier nanoClock, Duration interval) {
        return new NoiseMonitor(checked(interval), counters, nanoClock, false);
    }

    private static Duration checked(Duration interval) {
        if (interval == null || interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms: " + interval);
        }
        return interval;
    }

    /**
     * Counts {@code pid}'s CPU time from now on as measured work rather than noise. Call it right after starting
     * the process. An unknown PID is ignored.
     */
    public synchronized void measure(long pid) {
        if (report != null || pid <= 0 || pid > Integer.MAX_VALUE) {
            return;
        }
        if (!track((int) pid)) {
            LOG.debug("process {} not found; its CPU will count as noise", pid);
        }
    }

    /** Stops sampling and returns the report; later calls return the same report. */
    public NoiseReport stop() {
        if (executor != null) {
            executor.shutdown(); // cancels the periodic task; a sample in progress is allowed to finish
            try {
                if (!executor.awaitTermination(interval.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
        }
        synchronized (this) {
            if (report == null) {
                // The tail since the last sample counts if it is at least half an interval: shorter is mostly tick noise.
                if (lastTicks != null && nanoClock.getAsLong() - lastSampleNanos >= interval.toNanos() / 2) {
                    sampleNow();
                }
                report = new NoiseAssessment(logicalCores, governor, swapAtStart,
                        Duration.ofNanos(nanoClock.getAsLong() - startNanos), samples).report();
            }
            return report;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Samples taken so far, in time order. */
    public synchronized List<NoiseSample> samples() {
        return List.copyOf(samples);
    }

    /** Takes one sample now (the scheduler's task; tests of a {@link #manual} monitor call it themselves). */
    synchronized void sampleNow() {
        if (report != null || lastTicks == null) {
            return;
        }
        try {
            sample();
        } catch (RuntimeException | LinkageError e) {
            // An exception escaping a scheduled task would silently cancel all later samples.
            LOG.debug("noise sample failed: {}", e.toString());
        }
    }

    private void sample() {
        long now = nanoClock.getAsLong();
        long[] ticks = counters.cpuTicks();
        double intervalMillis = (now - lastSampleNanos) / 1e6;
        if (ticks == null || intervalMillis <= 0) {
            return;
        }
        double busyCores = busyFraction(lastTicks, ticks) * logicalCores;

        long measuredMillis = 0;
        boolean measuredExited = false;
        for (var it = lastCpuMillisByPid.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Long> e = it.next();
            Long cpuMillis = counters.cpuMillis(e.getKey());
            if (cpuMillis == null) {
                it.remove(); // exited
                measuredExited = true;
                continue;
            }
            measuredMillis += Math.max(0, cpuMillis - e.getValue());
            e.setValue(cpuMillis);
        }
        double measuredCores = measuredCores(busyCores, measuredMillis, intervalMillis, measuredExited);

        samples.add(new NoiseSample(Math.round((now - startNanos) / 1e6), Math.round(intervalMillis),
                busyCores, measuredCores, counters.swapUsedBytes(), counters.loadAverage1m()));
        lastTicks = ticks;
        lastSampleNanos = now;
    }

    /**
     * CPU of the measured processes over an interval, in cores. A measured process that exited took its last CPU
     * time with it (a JVM's exit, with its recording's dump, is busy): the interval's busy CPU is then credited to
     * the measured work rather than reported as someone else's noise.
     */
    static double measuredCores(double busyCores, long measuredMillis, double intervalMillis, boolean measuredExited) {
        return measuredExited ? Math.max(busyCores, measuredMillis / intervalMillis) : measuredMillis / intervalMillis;
    }

    /** Busy share of all CPU time between two tick snapshots; idle and iowait count as not busy. */
    static double busyFraction(long[] before, long[] after) {
        long total = 0;
        for (int i = 0; i < after.length && i < before.length; i++) {
            total += after[i] - before[i];
        }
        if (total <= 0) {
            return 0;
        }
        long idle = (after[TickType.IDLE.getIndex()] - before[TickType.IDLE.getIndex()])
                + (after[TickType.IOWAIT.getIndex()] - before[TickType.IOWAIT.getIndex()]);
        return Math.min(1.0, Math.max(0.0, (double) (total - idle) / total));
    }

    private boolean track(int pid) {
        Long cpuMillis = counters.cpuMillis(pid);
        if (cpuMillis == null) {
            return false;
        }
        lastCpuMillisByPid.putIfAbsent(pid, cpuMillis);
        return true;
    }
}
