package io.flightdeck.harness.env;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The machine a run ran on, as {@link EnvironmentProbe#probe()} found it. Any value that could not be read is
 * {@code null} (boxed types mark the fields that may be).
 *
 * <p>{@link #fingerprint()} is written to JSON (so a report can be grouped by it without recomputing) but ignored
 * when reading: it is derived, and the reader recomputes it from the fields.
 */
@JsonIgnoreProperties(value = "fingerprint", allowGetters = true)
public record Environment(Cpu cpu, Memory memory, Os os, Jvm jvm, Container container, String cpuGovernor,
                          ChildJava childJava) {

    /** An environment whose children ran on the JVM described by {@code jvm}. */
    public Environment(Cpu cpu, Memory memory, Os os, Jvm jvm, Container container, String cpuGovernor) {
        this(cpu, memory, os, jvm, container, cpuGovernor, null);
    }

    /** This environment with children that run on {@code java} (null: on the command's own JVM). */
    public Environment withChildJava(ChildJava java) {
        return new Environment(cpu, memory, os, jvm, container, cpuGovernor, java);
    }

    /**
     * The JVM the measured children ran on when it is not this command's ({@code --java}): results are comparable
     * only between runs on the same one.
     *
     * @param vendor   its {@code java.vm.vendor}
     * @param version  its {@code java.version}
     * @param javaHome its {@code java.home}
     */
    public record ChildJava(String vendor, String version, String javaHome) {
    }

    /** Length of the {@link #fingerprint()}: 48 bits is plenty to tell a handful of machines apart. */
    public static final int FINGERPRINT_HEX_CHARS = 12;

    private static final long GIB = 1L << 30;

    /**
     * @param model          e.g. "AMD EPYC 7B13"
     * @param physicalCores  physical cores over all packages
     * @param logicalCores   hardware threads the OS schedules on
     * @param maxFrequencyHz advertised maximum clock, null when the OS does not say (common in VMs)
     */
    public record Cpu(String model, Integer physicalCores, int logicalCores, Long maxFrequencyHz) {
    }

    /** Physical memory and swap in bytes; {@code totalBytes} is the VM's in a VM, not the container's limit. */
    public record Memory(Long totalBytes, Long availableBytes, Long swapTotalBytes, Long swapUsedBytes) {
    }

    /**
     * @param family  e.g. "Debian GNU/Linux"
     * @param version distribution version, e.g. "12 (Bookworm)"
     * @param kernel  kernel release, e.g. "6.1.0-18-amd64"
     */
    public record Os(String family, String version, String kernel, String hostname) {
    }

    /**
     * @param vendor            {@code java.vm.vendor}
     * @param version           {@code java.version}
     * @param runtimeName       {@code java.runtime.name}
     * @param vmName            {@code java.vm.name}
     * @param inputArguments    the JVM flags ({@code RuntimeMXBean.getInputArguments()}), not the program arguments
     * @param garbageCollectors names of the {@code GarbageCollectorMXBean}s, e.g. "G1 Young Generation"
     * @param maxHeapBytes      {@code Runtime.maxMemory()}
     */
    public record Jvm(String vendor, String version, String runtimeName, String vmName, String javaHome,
                      List<String> inputArguments, List<String> garbageCollectors, Long maxHeapBytes) {
        public Jvm {
            inputArguments = inputArguments == null ? List.of() : List.copyOf(inputArguments);
            garbageCollectors = garbageCollectors == null ? List.of() : List.copyOf(garbageCollectors);
        }
    }

    /**
     * Limits the cgroup puts on this process; each is null when there is none ("max", -1, or no such file).
     *
     * @param cgroupVersion "v2", "v1", or null when no cgroup files were readable
     * @param cpuLimitCores quota / period, e.g. 1.5 for "150000 100000"
     */
    public record Container(String cgroupVersion, Double cpuLimitCores, Long memoryLimitBytes) {
        public static final Container NONE = new Container(null, null, null);
    }

    /**
     * A short hex hash of what makes two runs' results comparable: CPU model, logical cores, total memory rounded
     * to GiB, OS family + version + kernel, JVM vendor + version (the children's when they ran on another java than
     * the command's), container CPU limit. Not the hostname (a
     * re-imaged twin machine is the same machine for results) nor available memory (changes from run to run).
     */
    @JsonProperty("fingerprint")
    public String fingerprint() {
        Long total = memory == null ? null : memory.totalBytes();
        String key = String.join("|",
                "cpu=" + (cpu == null ? null : cpu.model()),
                "logical=" + (cpu == null ? null : cpu.logicalCores()),
                "memGiB=" + (total == null ? null : Math.round((double) total / GIB)),
                "os=" + (os == null ? null : os.family() + " " + os.version()),
                "kernel=" + (os == null ? null : os.kernel()),
                "jvm=" + measuredJvm(),
                "cpuLimit=" + (container == null || container.cpuLimitCores() == null
                        ? null : String.format(Locale.ROOT, "%.3f", container.cpuLimitCores())));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The vendor and version of the JVM that ran the workloads: the children's, which is this one unless --java. */
    private String measuredJvm() {
        if (childJava != null) {
            return childJava.vendor() + " " + childJava.version();
        }
        return jvm == null ? null : jvm.vendor() + " " + jvm.version();
    }
}
