package io.flightdeck.child;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.flightdeck.api.Scale;

/**
 * What the parent asks of one child JVM, written by the parent as {@code spec.json} and read by {@link ChildMain}.
 *
 * @param workload               the workload's name
 * @param fork                   1-based fork number
 * @param scale                  the suite's scale
 * @param seed                   the data seed
 * @param directory              the workload's folder, shared by its forks (their files carry the fork number)
 * @param parameters             run-wide settings, e.g. store=sqlite
 * @param coldStartOperations    operations timed one by one on a fresh JVM, before any warm-up
 * @param warmupIterations       time-boxed iterations whose figures are discarded
 * @param measurementIterations  iterations that are measured
 * @param iterationMillis        length of a time-boxed iteration
 * @param resultFile             where the child writes its {@link ChildResult}
 * @param checkpoints            a leak check: after each measured iteration (and once before the first) collect the
 *                               heap fully and record a {@link Checkpoint}
 * @param cases                  the labels of the cases to run; empty (or absent, from an older parent) for all
 */
public record ChildSpec(String workload, int fork, Scale scale, long seed, Path directory,
                        Map<String, String> parameters, int coldStartOperations, int warmupIterations,
                        int measurementIterations, long iterationMillis, Path resultFile,
                        boolean checkpoints, List<String> cases) {

    public static final String FILE_NAME = "spec.json";

    public ChildSpec {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    /** Every case of the workload. */
    public ChildSpec(String workload, int fork, Scale scale, long seed, Path directory, Map<String, String> parameters,
                     int coldStartOperations, int warmupIterations, int measurementIterations, long iterationMillis,
                     Path resultFile, boolean checkpoints) {
        this(workload, fork, scale, seed, directory, parameters, coldStartOperations, warmupIterations,
                measurementIterations, iterationMillis, resultFile, checkpoints, List.of());
    }
}
