package io.flightdeck.harness.env;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 */
public final class NoiseMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NoiseMonitor.class);

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final Duration interval;
    private final long startNanos;
    private final String governor;
    private final CentralProcessor cpu;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final int logicalCores;
    private final Long swapAtStart;
    private final ScheduledExecutorService executor;

    // Guarded by this: the sampler thread and measure()/stop() callers all touch them.
    private final Map<Integer, Long> lastCpuMillisByPid = new LinkedHashMap<>();
    private final List<NoiseSample> samples = new ArrayList<>();
    private long[] lastTicks;
    private long lastSampleNanos;
    private NoiseReport report;

    private NoiseMonitor(Duration interval) {
        this.interval = interval;
        this.governor = EnvironmentProbe.readGovernor();
        SystemInfo si = EnvironmentProbe.safe("OSHI SystemInfo", SystemInfo::new);
        this.cpu = si == null ? null : EnvironmentProbe.safe("processor", () -> si.getHardware().getProcessor());
        this.memory = si == null ? null : EnvironmentProbe.safe("memory", () -> si.getHardware().getMemory());
        this.os = si == null ? null : EnvironmentProbe.safe("operating system", si::getOperatingSystem);
        Integer logical = cpu == null ? null : EnvironmentProbe.safe("logical cores", cpu::getLogicalProcessorCount);
        this.logicalCores = logical != null && logical > 0 ? logical : Runtime.getRuntime().availableProcessors();
        this.swapAtStart = swapUsed();
        this.lastTicks = cpu == null ? null : EnvironmentProbe.safe("CPU ticks", cpu::getSystemCpuLoadTicks);
        if (lastTicks == null) {
            LOG.warn("CPU counters unavailable: noise will not be measured");
        }
        Integer self = os == null ? null : EnvironmentProbe.safe("own PID", os::getProcessId);
        if (self != null) {
            track(self); // the harness's own CPU (this sampler included) is not noise from someone else
        }
        this.startNanos = System.nanoTime();
        this.lastSampleNanos = startNanos;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flightdeck-noise-monitor");
            t.setDaemon(true); // never keeps the JVM alive if a caller forgets stop()
            return t;
        });
        if (lastTicks != null) {
            long ms = interval.toMillis();
            executor.scheduleAtFixedRate(this::sampleQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts sampling every {@link #DEFAULT_INTERVAL}. */
    public static NoiseMonitor start() {
        return start(DEFAULT_INTERVAL);
    }

    /** Starts sampling every {@code interval} (at least 1 ms; below ~100 ms the 10 ms ticks make samples coarse). */
    public static NoiseMonitor start(Duration interval) {
        if (interval == null || interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms: " + interval);
        }
        return new NoiseMonitor(interval);
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
        executor.shutdown(); // cancels the periodic task; a sample in progress is allowed to finish
        try {
            if (!executor.awaitTermination(interval.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        synchronized (this) {
            if (report == null) {
                // The tail since the last sample counts if it is at least half an interval: shorter is mostly tick noise.
                if (lastTicks != null && System.nanoTime() - lastSampleNanos >= interval.toNanos() / 2) {
                    sampleQuietly();
                }
                report = new NoiseAssessment(logicalCores, governor, swapAtStart,
                        Duration.ofNanos(System.nanoTime() - startNanos), samples).report();
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

    private synchronized void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException | LinkageError e) {
            // An exception escaping a scheduled task would silently cancel all later samples.
            LOG.debug("noise sample failed: {}", e.toString());
        }
    }

    private void sample() {
        long now = System.nanoTime();
        long[] ticks = cpu.getSystemCpuLoadTicks();
        double intervalMillis = (now - lastSampleNanos) / 1e6;
        if (intervalMillis <= 0) {
            return;
        }
        double busyCores = busyFraction(lastTicks, ticks) * logicalCores;

        long measuredMillis = 0;
        boolean measuredExited = false;
        for (var it = lastCpuMillisByPid.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Long> e = it.next();
            Long cpuMillis = cpuMillis(e.getKey());
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
                busyCores, measuredCores, swapUsed(), loadAverage()));
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
        Long cpuMillis = cpuMillis(pid);
        if (cpuMillis == null) {
            return false;
        }
        lastCpuMillisByPid.putIfAbsent(pid, cpuMillis);
        return true;
    }

    private Long cpuMillis(int pid) {
        if (os == null) {
            return null;
        }
        OSProcess p = EnvironmentProbe.safe("process " + pid, () -> os.getProcess(pid));
        return p == null ? null : p.getUserTime() + p.getKernelTime();
    }

    private Long swapUsed() {
        if (memory == null) {
            return null;
        }
        Long used = EnvironmentProbe.safe("swap used", () -> memory.getVirtualMemory().getSwapUsed());
        return used == null || used < 0 ? null : used;
    }

    private Double loadAverage() {
        double[] load = cpu == null ? null : EnvironmentProbe.safe("load average", () -> cpu.getSystemLoadAverage(1));
        return load == null || load.length == 0 || load[0] < 0 ? null : load[0];
    }
}
