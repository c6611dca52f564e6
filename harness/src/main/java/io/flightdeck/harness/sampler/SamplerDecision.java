package io.flightdeck.harness.sampler;

import java.nio.file.Path;

/**
 * Which sampler the children use, and why.
 *
 * @param asked        what {@code --sampler} asked for
 * @param used         what the children run with (never {@link Sampler#AUTO})
 * @param reason       why {@code used} and not something better: the fallback's reason; null when what was asked
 *                     (or auto's first choice) loaded
 * @param warning      true when a sampler failed to load or an explicitly asked one could not be used: the user is
 *                     told on stderr and in the report
 * @param agentLibrary the extracted async-profiler agent when {@code used} is async-profiler, else null
 * @param intervals    how often it samples ({@code --cpu-interval}, {@code --alloc-interval})
 */
public record SamplerDecision(Sampler asked, Sampler used, String reason, boolean warning, Path agentLibrary,
                              SamplingIntervals intervals) {

    public SamplerDecision {
        if (used == Sampler.AUTO) {
            throw new IllegalArgumentException("a used sampler is never auto");
        }
        if (used == Sampler.ASYNC_PROFILER && agentLibrary == null) {
            throw new IllegalArgumentException("async-profiler needs its agent library");
        }
        intervals = intervals == null ? SamplingIntervals.DEFAULTS : intervals;
    }

    /** At the default intervals. */
    public SamplerDecision(Sampler asked, Sampler used, String reason, boolean warning, Path agentLibrary) {
        this(asked, used, reason, warning, agentLibrary, SamplingIntervals.DEFAULTS);
    }

    /**
     * How often it samples, when not at the defaults ("CPU every 20 ms, allocation every 8 MiB"; the allocation only
     * for async-profiler, the one sampler that samples it by bytes); null at the defaults.
     */
    public String every() {
        return intervals.isDefault() ? null : intervals.describe(used == Sampler.ASYNC_PROFILER);
    }

    /** Whether a run's children pace async-profiler's allocation sampler ({@code SamplerFlags#allocationPacing}). */
    public boolean pacesAllocation() {
        return used == Sampler.ASYNC_PROFILER && intervals.allocPaced();
    }

    /**
     * The same sampler at fixed intervals: for a JVM that cannot pace its allocation sampler because nothing of ours
     * runs in it to see where its warm-up ends (a profiled program, a JMH fork).
     */
    public SamplerDecision withoutPacing() {
        return withIntervals(intervals.fixed());
    }

    /** The same sampler at other intervals. */
    public SamplerDecision withIntervals(SamplingIntervals other) {
        return new SamplerDecision(asked, used, reason, warning, agentLibrary, other);
    }

    /** JFR's own samples, asked for: what a plan made without the command line uses. */
    public static final SamplerDecision JFR = new SamplerDecision(Sampler.JFR, Sampler.JFR, null, false, null);

    /**
     * "async-profiler", or "jfr (asked async-profiler: …)", and the intervals when not the defaults — for a
     * terminal line.
     */
    public String describe() {
        String every = intervals.isDefault() ? "" : ", " + every();
        if (reason == null) {
            return used.id() + (asked == Sampler.AUTO ? " (auto)" : "") + every;
        }
        return used.id() + " (asked " + asked.id() + ": " + reason + ")" + every;
    }
}
