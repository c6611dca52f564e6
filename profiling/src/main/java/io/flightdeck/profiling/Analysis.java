package io.flightdeck.profiling;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.alloc.AllocationAnalysis;
import io.flightdeck.profiling.cpu.CpuAnalysis;
import io.flightdeck.profiling.gc.GcAnalysis;
import io.flightdeck.profiling.leaks.LeakAnalysis;
import io.flightdeck.profiling.locks.LockAnalysis;
import io.flightdeck.profiling.rules.RuleAnalysis;
import io.flightdeck.profiling.threads.ThreadStates;

/**
 * Everything one pass over a recording found; {@code analysis.json} is this record. The call trees are not part
 * of the JSON (they can be large): they are written beside it as folded stacks.
 *
 * @param threads  where the measured threads' time went: running Java or native code, blocked, waiting, sleeping, I/O
 * @param warnings things the reader of the figures should know (a truncated file, events missing from the
 *                 recording's settings)
 */
public record Analysis(int schemaVersion, RecordingFacts recording, CpuAnalysis cpu, AllocationAnalysis allocation,
                       GcAnalysis gc, LockAnalysis locks, LeakAnalysis leaks, RuleAnalysis rules, ThreadStates threads,
                       List<String> warnings,
                       @JsonIgnore Stacks stacks) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * Weighted stacks for the flame graphs: CPU in samples, allocation in bytes, locks in nanoseconds blocked, wall
     * clock in samples (async-profiler's wall-clock sampler only; empty otherwise).
     */
    public record Stacks(CallTree cpu, CallTree allocation, CallTree locks, CallTree wall) {
    }
}
