package io.flightdeck.harness.truth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * async-profiler's agent for the truth tests: {@code linux-x64/libasyncProfiler.so} from the
 * {@code tools.profiler:async-profiler} jar on the test class path, copied once into {@code target/}. A small test
 * helper on purpose: the harness's own extractor (the {@code --sampler} work) is what users get.
 */
final class AsyncProfilerAgent {

    static final String RESOURCE = "linux-x64/libasyncProfiler.so";

    private static Path extracted;

    private AsyncProfilerAgent() {
    }

    /** Whether this machine can load the agent the jar carries for it. */
    static boolean available() {
        return System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch"))
                && AsyncProfilerAgent.class.getClassLoader().getResource(RESOURCE) != null;
    }

    static synchronized Path library() {
        if (extracted == null) {
            try (InputStream in = AsyncProfilerAgent.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the class path");
                }
                Path dir = Files.createDirectories(Path.of("target", "async-profiler"));
                Path tmp = Files.createTempFile(dir, "libasyncProfiler", ".tmp");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                // a move, so that a parallel run never loads a half-written library
                extracted = Files.move(tmp, dir.resolve("libasyncProfiler.so"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE).toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return extracted;
    }
}
