package io.flightdeck.harness.runner;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.openjdk.jol.info.GraphLayout;
import org.slf4j.LoggerFactory;

import io.flightdeck.api.Workload;
import io.flightdeck.child.ChildMain;
import io.flightdeck.harness.files.BundledJar;

/**
 * Where the child runtime is: what a child JVM needs on its class path beside the user's own entries (its entry
 * point, measurements and their libraries, flightdeck-api), so that a user's class path never meets the command's
 * own libraries. The first of:
 * <ol>
 *   <li>an explicit jar, {@value #PATH_PROPERTY} or {@value #PATH_ENV} (missing: a usage error);</li>
 *   <li>the jar the build made, {@value #BUILD_PROPERTY}, when that file exists (harness's tests: the reactor's
 *       {@code child/target/flightdeck-child-VERSION-runtime.jar}, built before them by {@code mvn verify});</li>
 *   <li>the copy embedded in this program's jar ({@value #EMBEDDED}, put there at {@code prepare-package}),
 *       extracted into the home's cache folder; only when running from a jar;</li>
 *   <li>in a development build, where nothing was packaged ({@code mvn compile exec:java}), the class path entries
 *       the child's classes and their libraries were loaded from here, found from the code sources of known
 *       classes: unrelocated, so a user's own Jackson, HdrHistogram, JOL or OSHI may then come before ours.</li>
 * </ol>
 */
public final class ChildRuntime {

    /** The home's folder for what Flightdeck extracts from its own jar (async-profiler's agent, this runtime). */
    public static final String CACHE_FOLDER = "cache";

    public static final String PATH_PROPERTY = "flightdeck.child.runtime";
    public static final String PATH_ENV = "FLIGHTDECK_CHILD_RUNTIME";
    public static final String BUILD_PROPERTY = "flightdeck.child.runtime.build";
    /** The embedded copy, a resource beside this class (harness/pom.xml copies it there). */
    static final String EMBEDDED = "flightdeck-child-runtime.jar";

    private static final BundledJar JAR = new BundledJar("child runtime", PATH_PROPERTY, PATH_ENV, BUILD_PROPERTY,
            ChildRuntime.class, EMBEDDED, "child-runtime-");

    /** One class from each jar a child needs, for a development build's class path (case 4). */
    private static final List<Class<?>> KNOWN_CLASSES = List.of(ChildMain.class, Workload.class, ObjectMapper.class,
            JsonFactory.class, JsonAutoDetect.class, JavaTimeModule.class, Histogram.class, GraphLayout.class,
            oshi.SystemInfo.class, com.sun.jna.Native.class, com.sun.jna.platform.unix.LibC.class,
            LoggerFactory.class, Percentile.class);

    private ChildRuntime() {
    }

    /** Where extracted files may go, the first that takes them: the home's cache, else one in the temporary folder. */
    public static List<Path> cacheRoots(Path home) {
        return List.of(home.resolve(CACHE_FOLDER),
                Path.of(System.getProperty("java.io.tmpdir"), "flightdeck-cache-" + System.getProperty("user.name")));
    }

    /**
     * The runtime's class path entries.
     *
     * @param cacheRoots where the embedded copy may be extracted, the first that takes it
     * @throws IllegalArgumentException when an explicit path names no file (a usage error)
     * @throws IOException              when the embedded copy cannot be extracted anywhere
     */
    public static List<Path> locate(List<Path> cacheRoots) throws IOException {
        return JAR.locate(cacheRoots, ChildRuntime::developmentEntries);
    }

    /** Case 4: where the known classes came from, each jar or classes folder once, in order. */
    static List<Path> developmentEntries() {
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> known : KNOWN_CLASSES) {
            CodeSource source = known.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new IllegalStateException("cannot tell where " + known.getName() + " was loaded from");
            }
            try {
                entries.add(Path.of(source.getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot tell where " + known.getName() + " was loaded from", e);
            }
        }
        return new ArrayList<>(entries);
    }
}
