package io.flightdeck.harness.workload;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runner tells a workload about the run it is part of.
 *
 * @param scale      how large the suite wants it
 * @param seed       the seed for generated data, so every run measures the same inputs
 * @param directory  a folder of the workload's own inside the run folder, for files it creates (databases...)
 * @param parameters run-wide settings by name, e.g. {@code store=sqlite}; workloads ignore what they do not know
 */
public record WorkloadContext(Scale scale, long seed, Path directory, Map<String, String> parameters) {

    public WorkloadContext {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(directory, "directory");
        parameters = Map.copyOf(parameters);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
