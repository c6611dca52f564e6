package io.flightdeck.harness.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Option;

import io.flightdeck.harness.run.ChildJvms;
import io.flightdeck.harness.sampler.SamplerDecision;
import io.flightdeck.harness.sampler.SamplingIntervals;

/**
 * {@code --cpu-interval} and {@code --alloc-interval}: how often the sampler samples, for every command that records
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

    /**
     * The sampler at these intervals ({@link ChildJvms#atIntervals}), {@code profile}'s default CPU interval when none
     * is given; its warning on {@code err}.
     */
    SamplerDecision apply(SamplerDecision decision, PrintWriter err) {
        return ChildJvms.atIntervals(decision, cpuInterval == null ? SamplingIntervals.DEFAULT_CPU_NANOS
                : ChildJvms.cpuInterval(cpuInterval), allocInterval == null ? null
                : ChildJvms.allocInterval(allocInterval), ChildJvmOptions.warnings(err));
    }
}
