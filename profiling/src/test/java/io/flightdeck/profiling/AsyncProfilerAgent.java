package io.flightdeck.profiling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * async-profiler's agent for the tests: the library of this OS and architecture, as the Maven artifact
 * {@code tools.profiler:async-profiler} carries it on the test class path ({@code linux-x64/libasyncProfiler.so} and
 * so on), extracted into a folder, because a JVM loads an agent from a file only.
 */
final class AsyncProfilerAgent {

    private AsyncProfilerAgent() {
    }

    /** The folder of the jar holding this platform's library, or empty where the artifact has none. */
    static Optional<String> platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return switch (arch) {
                case "amd64", "x86_64" -> Optional.of("linux-x64");
                case "aarch64", "arm64" -> Optional.of("linux-arm64");
                default -> Optional.empty();
            };
        }
        return os.contains("mac") ? Optional.of("macos") : Optional.empty();
    }

    /** The library extracted into {@code dir}, or empty where this platform has none. */
    static Optional<Path> extract(Path dir) throws IOException {
        Optional<String> platform = platform();
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = AsyncProfilerAgent.class.getClassLoader()
                .getResourceAsStream(platform.get() + "/libasyncProfiler.so")) {
            if (in == null) {
                return Optional.empty();
            }
            Path lib = dir.resolve("libasyncProfiler.so");
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(lib);
        }
    }
}
