package io.flightdeck.harness.sampler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import io.flightdeck.harness.files.CachedFile;

/**
 * async-profiler's native agent, shipped inside the {@code tools.profiler:async-profiler} jar on the class path and
 * extracted once into a cache folder named by the library's version and SHA-256 ({@link CachedFile}: a damaged copy
 * is replaced, a new one moved in atomically).
 */
public final class AsyncProfilerLibrary {

    static final String FILE = "libasyncProfiler.so";
    private static final String POM_PROPERTIES = "META-INF/maven/tools.profiler/async-profiler/pom.properties";

    private AsyncProfilerLibrary() {
    }

    /** The jar's folder for this machine: linux-x64, linux-arm64 or macos; null where async-profiler has none. */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return switch (arch) {
                case "amd64", "x86_64" -> "linux-x64";
                case "aarch64", "arm64" -> "linux-arm64";
                default -> null;
            };
        }
        return os.contains("mac") ? "macos" : null;
    }

    /** The version of the jar on the class path, e.g. "4.2"; "unknown" when it does not say. */
    static String version(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The agent for this machine, extracted into {@code cache} when not there already.
     *
     * @throws IOException when there is none for this machine, or it cannot be written
     */
    public static Path extract(Path cache) throws IOException {
        String platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (platform == null) {
            throw new IOException("async-profiler has no agent for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch"));
        }
        return extract(AsyncProfilerLibrary.class.getClassLoader(), platform, cache);
    }

    static Path extract(ClassLoader loader, String platform, Path cache) throws IOException {
        byte[] library;
        try (InputStream in = loader.getResourceAsStream(platform + "/" + FILE)) {
            if (in == null) {
                throw new IOException("the async-profiler jar is not on the class path (no " + platform + "/"
                        + FILE + ")");
            }
            library = in.readAllBytes();
        }
        String sha = sha256(library);
        return CachedFile.install(library,
                cache.resolve("async-profiler-" + version(loader) + "-" + platform + "-" + sha.substring(0, 16)), FILE);
    }

    static String sha256(byte[] bytes) {
        return CachedFile.sha256(bytes);
    }
}
