package io.flightdeck.api;

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
 * @param parameters the run's {@code --param}s by name, e.g. {@code store=memory}; a workload reads those it
 *                   lists in {@link Workload#parameterNames()} and applies its own default to those not given
 */
public record WorkloadContext(Scale scale, long seed, Path directory, Map<String, String> parameters) {

    /** The name of {@link #scratchDirectory()} inside the workload's folder. */
    public static final String SCRATCH_FOLDER = "store";

    public WorkloadContext {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(directory, "directory");
        parameters = Map.copyOf(parameters);
    }

    /**
     * A folder for scratch data (a database the workload measures): the runner deletes it when a fork ends, however
     * it ends (a crash, a time limit, Ctrl-C, a parent killed), since a run folder holds results, not gigabytes of
     * scratch. Shared by the workload's forks, which run one at a time.
     */
    public Path scratchDirectory() {
        return directory.resolve(SCRATCH_FOLDER);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
