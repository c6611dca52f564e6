package io.flightdeck.harness.workload;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.flightdeck.api.Workload;
import io.flightdeck.child.workload.WorkloadRegistry;

/**
 * The user's class path ({@code --classpath}, {@code FLIGHTDECK_CLASSPATH}): jars and class folders holding their
 * workloads and everything those need. A child JVM runs on exactly these entries plus the child runtime; this JVM
 * reads the same workloads through a class loader of their own, so a user's classes and libraries never sit on the
 * command's loader and the command's libraries are never theirs.
 *
 * @param entries existing jars and folders, in the user's order ({@code dir/*} already expanded)
 */
public record UserClassPath(List<Path> entries) {

    public UserClassPath {
        entries = List.copyOf(entries);
    }

    /**
     * Parses a list separated by {@link File#pathSeparator}: jars, class folders, and {@code dir/*} for every jar in
     * a folder (as {@code java -cp} reads it). Blank items are ignored.
     *
     * @throws IllegalArgumentException naming the first entry that does not exist (a usage error)
     */
    public static UserClassPath parse(String text) {
        List<Path> entries = new ArrayList<>();
        for (String item : text.split(File.pathSeparator)) {
            if (item.isBlank()) {
                continue;
            }
            try {
                if (item.equals("*") || item.endsWith("/*") || item.endsWith(File.separator + "*")) {
                    String folder = item.substring(0, item.length() - 1);
                    entries.addAll(jarsIn(Path.of(folder.isEmpty() ? "." : folder), item));
                } else {
                    Path entry = Path.of(item).toAbsolutePath().normalize();
                    if (!Files.exists(entry)) {
                        throw new IllegalArgumentException("no such jar or folder: " + item);
                    }
                    entries.add(entry);
                }
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a path: " + item);
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no jar or folder in '" + text + "'");
        }
        return new UserClassPath(entries);
    }

    private static List<Path> jarsIn(Path dir, String item) {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no such folder: " + item);
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + item + ": " + e.getMessage());
        }
    }

    /**
     * The user's workloads, loaded by a class loader over their entries whose only link to this program is
     * flightdeck-api (so their classes implement the same {@link Workload}); left open for the command's lifetime.
     */
    public WorkloadRegistry workloads() {
        URL[] urls = entries.stream().map(UserClassPath::url).toArray(URL[]::new);
        return WorkloadRegistry.load(new URLClassLoader("flightdeck-user-classpath", urls, new ApiOnly()));
    }

    private static URL url(Path entry) {
        try {
            return entry.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a path: " + entry, e);
        }
    }

    /**
     * The parent of the user's loader: the JDK's platform classes, and flightdeck-api's from this program's loader;
     * nothing else of this program (its Jackson, logback, SLF4J...) is visible to the user's classes.
     */
    private static final class ApiOnly extends ClassLoader {
        private static final String API_PACKAGE = Workload.class.getPackageName() + ".";

        ApiOnly() {
            super("flightdeck-api-only", ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(API_PACKAGE)) {
                return Workload.class.getClassLoader().loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
