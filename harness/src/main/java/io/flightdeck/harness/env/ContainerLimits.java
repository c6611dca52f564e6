package io.flightdeck.harness.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the cgroup CPU and memory limits of this process. Pure file reading against a given cgroup mount root, so
 * tests can point it at a temporary directory.
 *
 * <p>Walks from the process's own cgroup (from {@code /proc/self/cgroup}) up to the mount root and keeps the
 * smallest limit: a limit set on a parent cgroup applies to its children too, and inside a container with a cgroup
 * namespace the own path is "/" so only the root is read.
 */
final class ContainerLimits {

    /**
     * cgroup v1 writes "no limit" as LONG_MAX rounded down to a page (9223372036854771712); anything this large is
     * no real limit.
     */
    static final long V1_UNLIMITED_FROM = 1L << 60;

    private ContainerLimits() {
    }

    static Environment.Container read(Path cgroupRoot, List<String> selfCgroupLines) {
        try {
            if (Files.exists(cgroupRoot.resolve("cgroup.controllers"))) {
                return readV2(cgroupRoot, ownPath(selfCgroupLines, "").orElse("/"));
            }
            Path cpuDir = Files.isDirectory(cgroupRoot.resolve("cpu,cpuacct"))
                    ? cgroupRoot.resolve("cpu,cpuacct") : cgroupRoot.resolve("cpu");
            Path memDir = cgroupRoot.resolve("memory");
            if (Files.isDirectory(cpuDir) || Files.isDirectory(memDir)) {
                return readV1(cpuDir, ownPath(selfCgroupLines, "cpu").orElse("/"),
                        memDir, ownPath(selfCgroupLines, "memory").orElse("/"));
            }
        } catch (RuntimeException e) {
            // e.g. an InvalidPathException from an odd /proc/self/cgroup line: no limits known, not a failure
        }
        return Environment.Container.NONE;
    }

    private static Environment.Container readV2(Path root, String own) {
        Double cpu = null;
        Long mem = null;
        for (Path dir : selfAndAncestors(root, own)) {
            cpu = min(cpu, parseCpuMax(readTrimmed(dir.resolve("cpu.max"))));
            mem = min(mem, parseV2Memory(readTrimmed(dir.resolve("memory.max"))));
        }
        return new Environment.Container("v2", cpu, mem);
    }

    private static Environment.Container readV1(Path cpuDir, String cpuOwn, Path memDir, String memOwn) {
        Double cpu = null;
        for (Path dir : selfAndAncestors(cpuDir, cpuOwn)) {
            cpu = min(cpu, parseV1Cpu(readTrimmed(dir.resolve("cpu.cfs_quota_us")),
                    readTrimmed(dir.resolve("cpu.cfs_period_us"))));
        }
        Long mem = null;
        for (Path dir : selfAndAncestors(memDir, memOwn)) {
            mem = min(mem, parseV1Memory(readTrimmed(dir.resolve("memory.limit_in_bytes"))));
        }
        return new Environment.Container("v1", cpu, mem);
    }

    /** "150000 100000" → 1.5 cores; "max 100000" → null. */
    static Double parseCpuMax(String content) {
        if (content == null) {
            return null;
        }
        String[] parts = content.trim().split("\\s+");
        if (parts.length == 0 || parts[0].equals("max")) {
            return null;
        }
        Long quota = parseLong(parts[0]);
        Long period = parts.length > 1 ? parseLong(parts[1]) : Long.valueOf(100_000); // kernel default period
        return ratio(quota, period);
    }

    /** quota -1 means no limit. */
    static Double parseV1Cpu(String quota, String period) {
        return ratio(parseLong(quota), parseLong(period));
    }

    static Long parseV2Memory(String content) {
        if (content == null || content.equals("max")) {
            return null;
        }
        Long v = parseLong(content);
        return v != null && v > 0 ? v : null;
    }

    static Long parseV1Memory(String content) {
        Long v = parseLong(content);
        return v != null && v > 0 && v < V1_UNLIMITED_FROM ? v : null;
    }

    /** The path of this process's cgroup for a v1 controller, or for v2 (controller ""). */
    static Optional<String> ownPath(List<String> selfCgroupLines, String controller) {
        for (String line : selfCgroupLines) {
            String[] parts = line.split(":", 3); // "4:memory:/a/b" or "0::/a/b"
            if (parts.length < 3) {
                continue;
            }
            boolean match = controller.isEmpty()
                    ? parts[0].equals("0") && parts[1].isEmpty()
                    : Arrays.asList(parts[1].split(",")).contains(controller);
            if (match) {
                return Optional.of(parts[2]);
            }
        }
        return Optional.empty();
    }

    /** The own cgroup directory (if it exists under this mount) and each parent up to the mount root. */
    private static List<Path> selfAndAncestors(Path root, String own) {
        List<Path> dirs = new ArrayList<>();
        String rel = own.startsWith("/") ? own.substring(1) : own;
        Path dir = rel.isEmpty() ? root : root.resolve(rel).normalize();
        if (!dir.startsWith(root)) {
            dir = root;
        }
        for (; dir != null && dir.startsWith(root); dir = dir.getParent()) {
            if (Files.isDirectory(dir)) {
                dirs.add(dir);
            }
        }
        return dirs;
    }

    private static Double ratio(Long quota, Long period) {
        if (quota == null || period == null || quota <= 0 || period <= 0) {
            return null;
        }
        return (double) quota / period;
    }

    private static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T extends Comparable<T>> T min(T a, T b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The file's content trimmed, or null when it is absent or unreadable. */
    static String readTrimmed(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
