package io.flightdeck.harness.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * A jar this program hands to other JVMs (the child runtime to workload children, the JMH profiler to a project's
 * JMH), found as the first of:
 * <ol>
 *   <li>an explicit file, a system property or an environment variable (one that names no file: a usage error);</li>
 *   <li>the jar the build made, named by a system property when that file exists (the reactor's tests);</li>
 *   <li>the copy embedded as a resource beside {@code anchor} in this program's jar, extracted into a cache folder
 *       named after its checksum; only when running from a jar, since a classes folder may hold a stale copy;</li>
 *   <li>in a development build (nothing packaged), the class path entries the caller names.</li>
 * </ol>
 *
 * @param name          what the jar is, for messages ("child runtime")
 * @param pathProperty  the system property naming an explicit file
 * @param pathEnv       the environment variable naming an explicit file
 * @param buildProperty the system property naming the build's jar
 * @param anchor        the class beside which the jar is embedded
 * @param embedded      the resource's file name, also the extracted file's
 * @param cachePrefix   the cache folder's name before the checksum, e.g. {@code child-runtime-}
 */
public record BundledJar(String name, String pathProperty, String pathEnv, String buildProperty, Class<?> anchor,
                         String embedded, String cachePrefix) {

    /**
     * The jar's class path entries.
     *
     * @param cacheRoots  where the embedded copy may be extracted, the first that takes it
     * @param development the entries of a development build (case 4)
     * @throws IllegalArgumentException when an explicit path names no file
     * @throws IOException              when the embedded copy cannot be extracted anywhere
     */
    public List<Path> locate(List<Path> cacheRoots, Supplier<List<Path>> development) throws IOException {
        String explicit = System.getProperty(pathProperty);
        String source = "-D" + pathProperty;
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv(pathEnv);
            source = pathEnv;
        }
        if (explicit != null && !explicit.isBlank()) {
            Path jar = Path.of(explicit).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(source + ": no " + name + " jar at " + jar);
            }
            return List.of(jar);
        }
        String built = System.getProperty(buildProperty);
        if (built != null && Files.isRegularFile(Path.of(built))) {
            return List.of(Path.of(built).toAbsolutePath());
        }
        byte[] copy = packaged() ? embeddedBytes() : null;
        if (copy != null) {
            return List.of(extract(copy, cacheRoots));
        }
        return development.get();
    }

    /** Whether the anchor (this program) runs from a jar rather than a classes folder. */
    private boolean packaged() {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null && source.getLocation().getPath().endsWith(".jar");
    }

    private byte[] embeddedBytes() throws IOException {
        try (InputStream in = anchor.getResourceAsStream(embedded)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private Path extract(byte[] jar, List<Path> cacheRoots) throws IOException {
        String folder = cachePrefix + CachedFile.sha256(jar).substring(0, 16);
        IOException first = null;
        for (Path root : cacheRoots) {
            try {
                return CachedFile.install(jar, root.resolve(folder), embedded);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        throw first == null ? new IOException("no cache folder for the " + name) : first;
    }
}
