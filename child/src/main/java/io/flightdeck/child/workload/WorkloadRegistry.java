package io.flightdeck.child.workload;

import io.flightdeck.api.Workload;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The workloads on the class path, found through {@link ServiceLoader}: the harness has none of its own, a project
 * lists its in {@code META-INF/services/io.flightdeck.api.Workload}. Their order is the class path's and, within a
 * jar, the service file's; reports and suites keep it. The parent and every child JVM build the same registry from
 * the same class path.
 */
public final class WorkloadRegistry {

    /** Names become folder names and command-line words: kebab-case only, so none can escape the run folder. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A workload on the class path that cannot be used: a bad or duplicate name, a class that fails to load. */
    public static final class InvalidWorkloadException extends RuntimeException {
        InvalidWorkloadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, Workload> byName;
    private final ClassLoader loader;

    private WorkloadRegistry(Map<String, Workload> byName, ClassLoader loader) {
        this.byName = Collections.unmodifiableMap(byName);
        this.loader = loader;
    }

    public static WorkloadRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    public static WorkloadRegistry load(ClassLoader loader) {
        Map<String, Workload> found = new LinkedHashMap<>();
        try {
            for (Workload w : ServiceLoader.load(Workload.class, loader)) {
                String name = w.name();
                if (name == null || !NAME.matcher(name).matches()) {
                    throw new InvalidWorkloadException("workload " + w.getClass().getName() + " is named '" + name
                            + "': use kebab-case (lower-case letters, digits and single hyphens)", null);
                }
                Workload earlier = found.putIfAbsent(name, w);
                if (earlier != null && earlier.getClass() != w.getClass()) {
                    throw new InvalidWorkloadException("two workloads are named '" + name + "': "
                            + earlier.getClass().getName() + " and " + w.getClass().getName(), null);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new InvalidWorkloadException("a workload could not be loaded: " + e.getMessage(), e);
        }
        return new WorkloadRegistry(found, loader);
    }

    /**
     * The loader the workloads were found through: what else their project ships beside them (its budgets) is read
     * through it too, so a user's class path brings its own and never Flightdeck's.
     */
    public ClassLoader loader() {
        return loader;
    }

    public Optional<Workload> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<Workload> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** What a suite runs when no workload is named: every {@linkplain Workload#ordinary() ordinary} one, in order. */
    public List<Workload> ordinary() {
        return byName.values().stream().filter(Workload::ordinary).toList();
    }

    /** What {@code leak-check} checks when no workload is named: each that {@link Workload#leakCheckByDefault()}. */
    public List<Workload> leakCheckDefaults() {
        return byName.values().stream().filter(Workload::leakCheckByDefault).toList();
    }
}
