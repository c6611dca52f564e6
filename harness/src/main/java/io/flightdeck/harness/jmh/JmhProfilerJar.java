package io.flightdeck.harness.jmh;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import io.flightdeck.harness.files.BundledJar;

/**
 * Where Flightdeck's JMH profiler ({@code flightdeck-jmh}: {@code io.flightdeck.jmh.FlightdeckProfiler}) is, to put
 * beside a project's own JMH on its class path; JMH's forks inherit it. Found as {@link BundledJar} says:
 * {@value #PATH_PROPERTY} or {@value #PATH_ENV}, the build's jar ({@value #BUILD_PROPERTY}), the copy embedded in
 * flightdeck.jar, or in a development build the folder or jar its classes are loaded from.
 */
public final class JmhProfilerJar {

    public static final String PATH_PROPERTY = "flightdeck.jmh.profiler";
    public static final String PATH_ENV = "FLIGHTDECK_JMH_PROFILER";
    public static final String BUILD_PROPERTY = "flightdeck.jmh.profiler.build";
    /** The profiler's class, as JMH's {@code -prof} names it. */
    public static final String PROFILER_CLASS = "io.flightdeck.jmh.FlightdeckProfiler";
    /** The embedded copy, a resource beside this class (harness/pom.xml copies it there). */
    static final String EMBEDDED = "flightdeck-jmh.jar";

    private static final BundledJar JAR = new BundledJar("JMH profiler", PATH_PROPERTY, PATH_ENV, BUILD_PROPERTY,
            JmhProfilerJar.class, EMBEDDED, "jmh-profiler-");

    private JmhProfilerJar() {
    }

    /** The profiler's class path entries; see {@link BundledJar#locate}. */
    public static List<Path> locate(List<Path> cacheRoots) throws IOException {
        return JAR.locate(cacheRoots, JmhProfilerJar::developmentEntries);
    }

    /**
     * Where the profiler's class file was found on this program's class path, read as a resource: loading the class
     * would need JMH, which this program does not bring.
     */
    static List<Path> developmentEntries() {
        String resource = PROFILER_CLASS.replace('.', '/') + ".class";
        URL url = JmhProfilerJar.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Flightdeck's JMH profiler is not on this program's class path: set -D"
                    + PATH_PROPERTY + " to the flightdeck-jmh jar");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                return List.of(Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI()));
            }
            Path classFile = Path.of(url.toURI());
            Path root = classFile;
            for (int i = 0; i < resource.split("/").length; i++) {
                root = root.getParent();
            }
            return List.of(root);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot tell where Flightdeck's JMH profiler was loaded from: " + url, e);
        }
    }
}
