package io.flightdeck.profiling.spi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.flightdeck.profiling.alloc.AllocationPlugin;
import io.flightdeck.profiling.cpu.CpuPlugin;
import io.flightdeck.profiling.gc.GcPlugin;
import io.flightdeck.profiling.leaks.LeakPlugin;
import io.flightdeck.profiling.locks.LockPlugin;
import io.flightdeck.profiling.threads.ThreadStatesPlugin;

/**
 * Every analysis the analyzer runs, in the order their warnings are given. A new analysis is registered here: a
 * constant (the key its result is read back with) and a place in {@link #ALL}.
 */
public final class RegisteredAnalyses {

    public static final CpuPlugin CPU = new CpuPlugin();
    public static final AllocationPlugin ALLOCATION = new AllocationPlugin();
    public static final GcPlugin GC = new GcPlugin();
    public static final LockPlugin LOCKS = new LockPlugin();
    public static final LeakPlugin LEAKS = new LeakPlugin();
    public static final ThreadStatesPlugin THREADS = new ThreadStatesPlugin();

    public static final List<AnalysisPlugin<?, ?>> ALL = List.of(CPU, ALLOCATION, GC, LOCKS, LEAKS, THREADS);

    private RegisteredAnalyses() {
    }

    /** The event types every registered analysis reads, in the main pass or later. */
    public static Set<String> eventTypes() {
        Set<String> all = new LinkedHashSet<>();
        for (AnalysisPlugin<?, ?> a : ALL) {
            all.addAll(a.eventTypes());
            all.addAll(a.laterEventTypes());
        }
        return all;
    }
}
