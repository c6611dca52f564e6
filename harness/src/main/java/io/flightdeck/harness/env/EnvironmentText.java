package io.flightdeck.harness.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A compact, aligned "key: value" summary of an {@link Environment} for a terminal. */
public final class EnvironmentText {

    private static final String UNKNOWN = "unknown";
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private EnvironmentText() {
    }

    public static List<String> lines(Environment env) {
        Map<String, String> rows = new LinkedHashMap<>();
        Environment.Cpu cpu = env.cpu();
        Environment.Memory mem = env.memory();
        Environment.Os os = env.os();
        Environment.Jvm jvm = env.jvm();
        Environment.Container c = env.container();

        if (cpu != null) {
            String freq = cpu.maxFrequencyHz() == null ? ""
                    : String.format(Locale.ROOT, " @ %.2f GHz max", cpu.maxFrequencyHz() / 1e9);
            rows.put("CPU", orUnknown(cpu.model()) + freq);
            rows.put("cores", (cpu.physicalCores() == null ? UNKNOWN : cpu.physicalCores()) + " physical, "
                    + cpu.logicalCores() + " logical");
        }
        if (mem != null) {
            rows.put("memory", bytesOrUnknown(mem.totalBytes()) + " total, "
                    + bytesOrUnknown(mem.availableBytes()) + " available");
            rows.put("swap", mem.swapTotalBytes() == null ? UNKNOWN
                    : mem.swapTotalBytes() == 0 ? "none"
                    : bytesOrUnknown(mem.swapUsedBytes()) + " used of " + bytes(mem.swapTotalBytes()));
        }
        if (os != null) {
            rows.put("OS", orUnknown(os.family()) + (os.version() == null ? "" : " " + os.version()));
            rows.put("kernel", orUnknown(os.kernel()));
            rows.put("host", orUnknown(os.hostname()));
        }
        if (jvm != null) {
            rows.put("JVM", orUnknown(jvm.vendor()) + " " + orUnknown(jvm.version())
                    + (jvm.runtimeName() == null ? "" : " (" + jvm.runtimeName() + ")")
                    + ", max heap " + bytesOrUnknown(jvm.maxHeapBytes()));
            rows.put("GC", jvm.garbageCollectors().isEmpty() ? UNKNOWN : String.join(", ", jvm.garbageCollectors()));
        }
        if (env.childJava() != null) {
            rows.put("children's JVM", orUnknown(env.childJava().vendor()) + " " + orUnknown(env.childJava().version())
                    + " (" + orUnknown(env.childJava().javaHome()) + ")");
        }
        rows.put("container", container(c));
        rows.put("governor", env.cpuGovernor() == null ? "n/a" : env.cpuGovernor());
        rows.put("fingerprint", env.fingerprint());
        return aligned(rows);
    }

    /** Binary units with one decimal above bytes: 512 B, 1.5 KiB, 23.4 GiB. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "-" + bytes(-bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    private static String container(Environment.Container c) {
        if (c == null || (c.cpuLimitCores() == null && c.memoryLimitBytes() == null)) {
            return c == null || c.cgroupVersion() == null ? "none detected" : "no limits (cgroup " + c.cgroupVersion() + ")";
        }
        String cpu = c.cpuLimitCores() == null ? "no CPU limit"
                : String.format(Locale.ROOT, "%.2f CPUs", c.cpuLimitCores());
        String mem = c.memoryLimitBytes() == null ? "no memory limit" : bytes(c.memoryLimitBytes()) + " memory";
        return cpu + ", " + mem + " (cgroup " + c.cgroupVersion() + ")";
    }

    private static List<String> aligned(Map<String, String> rows) {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0) + 1; // +1 for the colon
        List<String> out = new ArrayList<>(rows.size());
        rows.forEach((k, v) -> out.add(String.format(Locale.ROOT, "%-" + width + "s %s", k + ":", v)));
        return out;
    }

    private static String bytesOrUnknown(Long b) {
        return b == null ? UNKNOWN : bytes(b);
    }

    private static String orUnknown(String s) {
        return s == null ? UNKNOWN : s;
    }
}
