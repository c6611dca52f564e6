package io.flightdeck.harness.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Option;

import io.flightdeck.harness.run.ChildJvms;
import io.flightdeck.harness.sampler.Sampler;
import io.flightdeck.harness.sampler.SamplerDecision;
import io.flightdeck.harness.sampler.SamplingIntervals;

/**
 * {@code --cpu-interval}, {@code --alloc-interval} and {@code --wall-interval}: how often the sampler samples, for every command that records
 * a JVM (checked by {@link OptionRules}, so a bad value is a usage error before anything starts).
 */
final class SamplingIntervalOptions {

    @Option(names = "--cpu-interval", paramLabel = "TIME",
            description = "a CPU sample per this much CPU time of a thread (JFR's execution sampler: per this much "
                    + "wall-clock time), 1ms to 1s (default: 20ms for run, leak-check and jmh, whose speed is "
                    + "measured; 10ms for profile); longer costs less and gives fewer samples")
    String cpuInterval;

    @Option(names = "--alloc-interval", paramLabel = "SIZE",
            description = "with async-profiler, an allocation sample per this many bytes allocated, 1KiB to 1GiB "
                    + "(default: 512KiB, which run and leak-check widen for heavy allocators to keep at most 200 "
                    + "samples a second); larger costs allocation-heavy programs less and gives fewer samples")
    String allocInterval;

    @Option(names = "--wall-interval", paramLabel = "TIME|off",
            description = "with async-profiler, also a wall-clock sample of every thread, running or not, per this "
                    + "much time, 1ms to 1s, or off (default: 50ms for profile when async-profiler samples, off for run, "
                    + "leak-check and jmh): "
                    + "where off-CPU time went however short each wait, and a wall-clock flame graph")
    String wallInterval;

    /**
     * The sampler at these intervals ({@link ChildJvms#atIntervals}), {@code profile}'s defaults where none is given
     * (wall-clock samples only where async-profiler is the sampler, unless asked for); its warning on {@code err}.
     */
    SamplerDecision apply(SamplerDecision decision, PrintWriter err) {
        Long wall = wallInterval != null ? Long.valueOf(ChildJvms.wallInterval(wallInterval))
                : decision.used() == Sampler.ASYNC_PROFILER ? Long.valueOf(SamplingIntervals.PROFILE_WALL_NANOS) : null;
        return ChildJvms.atIntervals(decision, cpuInterval == null ? SamplingIntervals.DEFAULT_CPU_NANOS
                : ChildJvms.cpuInterval(cpuInterval), allocInterval == null ? null
                : ChildJvms.allocInterval(allocInterval), wall, ChildJvmOptions.warnings(err));
    }
}
