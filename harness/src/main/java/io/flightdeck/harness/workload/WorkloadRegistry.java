package io.flightdeck.harness.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The workloads on the class path, found through {@link ServiceLoader} so a user's own workloads sit beside the
 * built-in ones. The parent and every child JVM build the same registry from the same class path.
 */
public final class WorkloadRegistry {

    private final Map<String, Workload> byName;

    private WorkloadRegistry(Map<String, Workload> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static WorkloadRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    public static WorkloadRegistry load(ClassLoader loader) {
        Map<String, Workload> found = new LinkedHashMap<>();
        try {
            for (Workload w : ServiceLoader.load(Workload.class, loader)) {
                Workload earlier = found.putIfAbsent(w.name(), w);
                if (earlier != null && earlier.getClass() != w.getClass()) {
                    throw new IllegalStateException("two workloads are named '" + w.name() + "': "
                            + earlier.getClass().getName() + " and " + w.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a workload could not be loaded: " + e.getMessage(), e);
        }
        return new WorkloadRegistry(found);
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
}
