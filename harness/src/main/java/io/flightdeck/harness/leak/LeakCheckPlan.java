package io.flightdeck.harness.leak;

import java.util.List;

import io.flightdeck.api.Workload;

/**
 * The leak checks a run does after its measured workloads.
 *
 * @param workloads        what is checked, each in its own JVM
 * @param durationSeconds  how long each case's heap is watched after warm-up
 * @param checkpointMillis the time between two checkpoints (one measured iteration)
 * @param limitBytesPerOperation the command line's limit, null for the budgets file's or the default
 * @param limitBytesPerSecond    likewise per second
 */
public record LeakCheckPlan(List<Workload> workloads, long durationSeconds, long checkpointMillis,
                            Double limitBytesPerOperation, Double limitBytesPerSecond) {

    /**
     * 60 s: 61 checkpoints (the baseline and one a second), enough for a trend interval of a few bytes per operation
     * (docs/PERFORMANCE.md), and with setup, warm-up and the checkpoints' collections about 100 s per workload,
     * which a CI job can afford.
     */
    public static final long DEFAULT_DURATION_SECONDS = 60;
    public static final long DEFAULT_CHECKPOINT_MILLIS = 1_000;
    /** Warm-up iterations before the baseline (twice as many on the JVM's first case, more while still compiling). */
    public static final int WARMUP_ITERATIONS = 3;

    public static final LeakCheckPlan NONE = new LeakCheckPlan(List.of(), DEFAULT_DURATION_SECONDS,
            DEFAULT_CHECKPOINT_MILLIS, null, null);

    public LeakCheckPlan {
        workloads = List.copyOf(workloads);
    }

    /** Checkpoints after the baseline: one per measured iteration. */
    public int iterations() {
        return (int) Math.max(1, Math.ceil(durationSeconds * 1000.0 / checkpointMillis));
    }
}
