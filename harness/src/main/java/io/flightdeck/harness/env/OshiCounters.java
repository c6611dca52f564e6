package io.flightdeck.harness.env;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** {@link MachineCounters} read through OSHI; a part OSHI cannot open reads as null rather than failing. */
final class OshiCounters implements MachineCounters {

    private final CentralProcessor cpu;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final int logicalCores;

    OshiCounters() {
        SystemInfo si = EnvironmentProbe.safe("OSHI SystemInfo", SystemInfo::new);
        this.cpu = si == null ? null : EnvironmentProbe.safe("processor", () -> si.getHardware().getProcessor());
        this.memory = si == null ? null : EnvironmentProbe.safe("memory", () -> si.getHardware().getMemory());
        this.os = si == null ? null : EnvironmentProbe.safe("operating system", si::getOperatingSystem);
        Integer logical = cpu == null ? null : EnvironmentProbe.safe("logical cores", cpu::getLogicalProcessorCount);
        this.logicalCores = logical != null && logical > 0 ? logical : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public int logicalCores() {
        return logicalCores;
    }

    @Override
    public long[] cpuTicks() {
        return cpu == null ? null : EnvironmentProbe.safe("CPU ticks", cpu::getSystemCpuLoadTicks);
    }

    @Override
    public Long cpuMillis(int pid) {
        if (os == null) {
            return null;
        }
        OSProcess p = EnvironmentProbe.safe("process " + pid, () -> os.getProcess(pid));
        return p == null ? null : p.getUserTime() + p.getKernelTime();
    }

    @Override
    public Integer ownPid() {
        return os == null ? null : EnvironmentProbe.safe("own PID", os::getProcessId);
    }

    @Override
    public Long swapUsedBytes() {
        if (memory == null) {
            return null;
        }
        Long used = EnvironmentProbe.safe("swap used", () -> memory.getVirtualMemory().getSwapUsed());
        return used == null || used < 0 ? null : used;
    }

    @Override
    public Double loadAverage1m() {
        double[] load = cpu == null ? null : EnvironmentProbe.safe("load average", () -> cpu.getSystemLoadAverage(1));
        return load == null || load.length == 0 || load[0] < 0 ? null : load[0];
    }

    @Override
    public String governor() {
        return EnvironmentProbe.readGovernor();
    }
}
