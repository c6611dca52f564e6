package io.flightdeck.harness.env;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns {@link NoiseSample}s into a {@link NoiseReport}. Pure: no clock, no OS, so tests can feed it synthetic
 * series.
 *
 * @param logicalCores        logical cores of the machine
 * @param governor            CPU frequency governor, null where there is none
 * @param swapUsedAtStartBytes swap in use when monitoring started; null to take the first sample's
 * @param duration            how long the monitor ran
 * @param samples             in time order
 */
public record NoiseAssessment(int logicalCores, String governor, Long swapUsedAtStartBytes, Duration duration,
                              List<NoiseSample> samples) {

    /**
     * Mean CPU of other processes above which a run is noisy. A quarter core on average is well above what an idle
     * box shows (kernel threads, a shell) yet already enough to shift a multi-threaded benchmark by a few percent.
     */
    public static final double MEAN_OTHER_CPU_WARN_CORES = 0.25;

    /**
     * A whole core taken by something else is a competing job (a build, an indexer, a browser tab), not background
     * chatter...
     */
    public static final double PEAK_OTHER_CPU_WARN_CORES = 1.0;

    /** ...when it lasts this many consecutive samples: a single sample over the line is a cron tick or a blip. */
    public static final int PEAK_CONSECUTIVE_SAMPLES = 2;

    /**
     * With one logical core the measured code shares its only core with the OS, the JIT, GC and this monitor, so
     * timings include all of them.
     */
    public static final int MIN_LOGICAL_CORES = 2;

    /** Any other governor lets the clock move with load, so the same code runs at different speeds run to run. */
    public static final String STEADY_GOVERNOR = "performance";

    public NoiseAssessment {
        samples = List.copyOf(Objects.requireNonNull(samples, "samples"));
        duration = duration == null ? Duration.ZERO : duration;
    }

    public NoiseReport report() {
        List<String> warnings = new ArrayList<>();

        double sum = 0;
        double max = 0;
        int run = 0;
        int longestRun = 0;
        double peakInLongestRun = 0;
        double peakInRun = 0;
        for (NoiseSample s : samples) {
            double other = s.otherCores();
            sum += other;
            max = Math.max(max, other);
            if (other > PEAK_OTHER_CPU_WARN_CORES) {
                run++;
                peakInRun = Math.max(peakInRun, other);
                if (run > longestRun) {
                    longestRun = run;
                    peakInLongestRun = peakInRun;
                }
            } else {
                run = 0;
                peakInRun = 0;
            }
        }
        double mean = samples.isEmpty() ? 0 : sum / samples.size();

        if (samples.isEmpty()) {
            warnings.add("No noise samples were taken, so whether the machine was quiet is unknown"
                    + " (the run was shorter than the sampling interval, or CPU counters could not be read).");
        }
        if (mean > MEAN_OTHER_CPU_WARN_CORES) {
            warnings.add(String.format(Locale.ROOT,
                    "Other processes used %.2f CPU cores on average during the run (more than %.2f).",
                    mean, MEAN_OTHER_CPU_WARN_CORES));
        }
        if (longestRun >= PEAK_CONSECUTIVE_SAMPLES) {
            warnings.add(String.format(Locale.ROOT,
                    "Other processes used more than %.1f CPU core for %d consecutive samples (peak %.2f cores).",
                    PEAK_OTHER_CPU_WARN_CORES, longestRun, peakInLongestRun));
        }

        Long swapStart = swapUsedAtStartBytes;
        Long swapMax = swapUsedAtStartBytes;
        for (NoiseSample s : samples) {
            Long used = s.swapUsedBytes();
            if (used != null) {
                if (swapStart == null) {
                    swapStart = used;
                }
                swapMax = swapMax == null ? used : Math.max(swapMax, used);
            }
        }
        if (swapStart != null && swapMax > swapStart) {
            warnings.add("Swap use grew during the run, from " + EnvironmentText.bytes(swapStart) + " to "
                    + EnvironmentText.bytes(swapMax) + ": memory ran short and timings may include paging.");
        } else if (swapMax != null && swapMax > 0) {
            warnings.add("Swap was in use during the run (" + EnvironmentText.bytes(swapMax)
                    + ") though it did not grow: memory was already tight before the run.");
        }

        if (governor != null && !governor.equals(STEADY_GOVERNOR)) {
            warnings.add("CPU frequency governor is '" + governor + "', not '" + STEADY_GOVERNOR
                    + "': the clock speed can change with load, so timings can drift between runs.");
        }
        if (logicalCores < MIN_LOGICAL_CORES) {
            warnings.add("Only " + logicalCores + " logical core: the measured code shares it with the OS, JIT, GC"
                    + " and this monitor.");
        }

        Double loadMax = null;
        for (NoiseSample s : samples) {
            if (s.loadAverage1m() != null) {
                loadMax = loadMax == null ? s.loadAverage1m() : Math.max(loadMax, s.loadAverage1m());
            }
        }

        return new NoiseReport(samples.size(), duration.toMillis(), mean, max, swapStart, swapMax, loadMax,
                governor, logicalCores, warnings);
    }
}
