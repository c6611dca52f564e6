package io.flightdeck.harness.env;

import oshi.hardware.CentralProcessor.TickType;

import java.util.HashMap;
import java.util.Map;

/**
 * A machine whose every figure the test sets: CPU ticks are advanced by {@link #busy}, a process's CPU time by
 * {@link #spend}, and a process that {@link #exit}s reads as gone. Nothing here reads the real machine.
 */
final class FakeCounters implements MachineCounters {

    static final int OWN_PID = 100;

    private final int cores;
    private final long[] ticks = new long[TickType.values().length];
    private final Map<Integer, Long> cpuMillis = new HashMap<>();
    boolean ticksReadable = true;
    Long swapUsed = 0L;
    Double load = 0.5;
    String governor = "performance";

    FakeCounters(int cores) {
        this.cores = cores;
        cpuMillis.put(OWN_PID, 0L);
    }

    /** {@code busyCores} of the machine's cores busy (the rest idle) for {@code millis}, in 1 ms ticks. */
    FakeCounters busy(double busyCores, long millis) {
        long busy = Math.round(busyCores * millis);
        ticks[TickType.USER.getIndex()] += busy;
        ticks[TickType.IDLE.getIndex()] += cores * millis - busy;
        return this;
    }

    /** {@code pid} used {@code millis} of CPU; a new pid starts at 0. */
    FakeCounters spend(int pid, long millis) {
        cpuMillis.merge(pid, millis, Long::sum);
        return this;
    }

    FakeCounters exit(int pid) {
        cpuMillis.remove(pid);
        return this;
    }

    @Override
    public int logicalCores() {
        return cores;
    }

    @Override
    public long[] cpuTicks() {
        return ticksReadable ? ticks.clone() : null;
    }

    @Override
    public Long cpuMillis(int pid) {
        return cpuMillis.get(pid);
    }

    @Override
    public Integer ownPid() {
        return OWN_PID;
    }

    @Override
    public Long swapUsedBytes() {
        return swapUsed;
    }

    @Override
    public Double loadAverage1m() {
        return load;
    }

    @Override
    public String governor() {
        return governor;
    }
}
