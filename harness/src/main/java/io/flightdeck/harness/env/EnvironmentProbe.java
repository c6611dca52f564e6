package io.flightdeck.harness.env;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OperatingSystem;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Describes the current machine and JVM. Never throws for something it cannot read: that field is null.
 *
 * <p>Takes about 0.8 s the first time (OSHI's initialisation), much less afterwards.
 */
public final class EnvironmentProbe {

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentProbe.class);

    static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
    static final Path SELF_CGROUP = Path.of("/proc/self/cgroup");
    static final Path GOVERNOR = Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
    static final Path KERNEL_RELEASE = Path.of("/proc/sys/kernel/osrelease");
    static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private EnvironmentProbe() {
    }

    public static Environment probe() {
        SystemInfo si = safe("OSHI SystemInfo", SystemInfo::new);
        HardwareAbstractionLayer hal = si == null ? null : safe("OSHI hardware", si::getHardware);
        OperatingSystem os = si == null ? null : safe("OSHI operating system", si::getOperatingSystem);
        return new Environment(cpu(hal), memory(hal), os(os), jvm(), container(), readGovernor());
    }

    /** cpu0's frequency governor ("performance", "powersave", ...), or null where there is none (VMs, macOS). */
    public static String readGovernor() {
        String g = ContainerLimits.readTrimmed(GOVERNOR);
        return g == null || g.isEmpty() ? null : g;
    }

    static Environment.Container container() {
        List<String> self;
        try {
            self = Files.readAllLines(SELF_CGROUP);
        } catch (IOException | RuntimeException e) {
            self = List.of();
        }
        return ContainerLimits.read(CGROUP_ROOT, self);
    }

    private static Environment.Cpu cpu(HardwareAbstractionLayer hal) {
        CentralProcessor p = hal == null ? null : safe("processor", hal::getProcessor);
        if (p == null) {
            return new Environment.Cpu(null, null, Runtime.getRuntime().availableProcessors(), null);
        }
        String model = safe("CPU model", () -> p.getProcessorIdentifier().getName().trim());
        Integer physical = positive(safe("physical cores", p::getPhysicalProcessorCount));
        Integer logical = positive(safe("logical cores", p::getLogicalProcessorCount));
        Long maxFreq = positive(safe("max frequency", p::getMaxFreq));
        return new Environment.Cpu(blankToNull(model), physical,
                logical != null ? logical : Runtime.getRuntime().availableProcessors(), maxFreq);
    }

    private static Environment.Memory memory(HardwareAbstractionLayer hal) {
        GlobalMemory m = hal == null ? null : safe("memory", hal::getMemory);
        Long total = m == null ? null : positive(safe("total memory", m::getTotal));
        if (total == null) {
            // Only a fallback: in a container the JDK reports the container's limit here, not the machine's memory.
            total = safe("total memory (MXBean)", () -> positive(((com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize()));
        }
        Long available = m == null ? null : safe("available memory", m::getAvailable);
        VirtualMemory vm = m == null ? null : safe("virtual memory", m::getVirtualMemory);
        Long swapTotal = vm == null ? null : nonNegative(safe("swap total", vm::getSwapTotal));
        Long swapUsed = vm == null ? null : nonNegative(safe("swap used", vm::getSwapUsed));
        return new Environment.Memory(total, nonNegative(available), swapTotal, swapUsed);
    }

    private static Environment.Os os(OperatingSystem os) {
        String family = os == null ? null : safe("OS family", os::getFamily);
        String version = os == null ? null : safe("OS version", () -> {
            OperatingSystem.OSVersionInfo v = os.getVersionInfo();
            String code = v.getCodeName();
            return v.getVersion() + (code == null || code.isBlank() ? "" : " (" + code + ")");
        });
        if (family == null) {
            family = System.getProperty("os.name");
        }
        String kernel = null;
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            kernel = blankToNull(ContainerLimits.readTrimmed(KERNEL_RELEASE));
        }
        if (kernel == null && os != null) {
            kernel = blankToNull(safe("OS build", () -> os.getVersionInfo().getBuildNumber()));
        }
        if (kernel == null) {
            kernel = System.getProperty("os.version");
        }
        return new Environment.Os(blankToNull(family), blankToNull(version), kernel, host(os));
    }

    /** This machine's name (null when nothing says it). */
    public static String hostName() {
        SystemInfo si = safe("OSHI SystemInfo", SystemInfo::new);
        return host(si == null ? null : safe("OSHI operating system", si::getOperatingSystem));
    }

    private static String host(OperatingSystem os) {
        String host = os == null ? null : blankToNull(safe("hostname", () -> os.getNetworkParams().getHostName()));
        if (host == null) {
            host = blankToNull(ContainerLimits.readTrimmed(KERNEL_HOSTNAME));
        }
        if (host == null) {
            // No InetAddress.getLocalHost(): it can block for seconds on a machine with broken DNS.
            host = blankToNull(System.getenv().getOrDefault("HOSTNAME", System.getenv("COMPUTERNAME")));
        }
        return host;
    }

    private static Environment.Jvm jvm() {
        RuntimeMXBean rt = safe("RuntimeMXBean", ManagementFactory::getRuntimeMXBean);
        List<String> gcs = safe("GC MXBeans", () -> ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
        long maxHeap = Runtime.getRuntime().maxMemory();
        return new Environment.Jvm(
                rt != null ? safe("VM vendor", rt::getVmVendor) : System.getProperty("java.vm.vendor"),
                System.getProperty("java.version"),
                System.getProperty("java.runtime.name"),
                rt != null ? safe("VM name", rt::getVmName) : System.getProperty("java.vm.name"),
                System.getProperty("java.home"),
                rt == null ? null : safe("input arguments", rt::getInputArguments),
                gcs,
                maxHeap == Long.MAX_VALUE ? null : maxHeap); // MAX_VALUE means "no limit"
    }

    /**
     * Runs one read, turning any failure into null. Catches {@code LinkageError} too: JNA that cannot load its
     * native library fails with UnsatisfiedLinkError/NoClassDefFoundError, and that should cost a field, not the run.
     */
    static <T> T safe(String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("could not read {}: {}", what, e.toString());
            return null;
        }
    }

    private static <N extends Number> N positive(N n) {
        return n == null || n.doubleValue() <= 0 ? null : n;
    }

    private static Long nonNegative(Long n) {
        return n == null || n < 0 ? null : n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
