package io.flightdeck.child.measure.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the process's peak RSS from Linux's /proc/self/status; other systems have no such file. */
final class ProcStatus {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path IO = Path.of("/proc/self/io");

    private ProcStatus() {
    }

    /** VmHWM (the high-water mark of RSS since process start) in bytes, or null if it cannot be read. */
    static Long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return parseKiB(line.substring("VmHWM:".length()));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or /proc not mounted: unknown
        }
        return null;
    }

    /**
     * Whether the kernel's per-process I/O counters can be read. OSHI reports 0 both for "no I/O" and for
     * "cannot tell"; this tells the two apart on Linux.
     */
    static boolean ioCountersReadable() {
        return Files.isReadable(IO);
    }

    /** "   12345 kB" to bytes; the kernel always reports this field in kB. */
    static Long parseKiB(String value) {
        String[] parts = value.trim().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(parts[0]) * 1024;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
