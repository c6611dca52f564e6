package io.flightdeck.harness.runner;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The class path a child JVM needs to find the same classes as this one. Under {@code mvn exec:java} the
 * {@code java.class.path} property is Maven's launcher, not our classes (shared/FACTS.md), so the class loaders'
 * URLs come first; the property is the answer when we were started with plain {@code java -cp} or {@code -jar}.
 */
final class ChildClasspath {

    private ChildClasspath() {
    }

    static String resolve() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader cl = Thread.currentThread().getContextClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            entries.add(url.getPath());
                        }
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            String property = System.getProperty("java.class.path", "");
            for (String entry : property.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
