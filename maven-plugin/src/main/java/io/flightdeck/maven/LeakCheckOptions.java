package io.flightdeck.maven;

/**
 * A leak check ({@code flightdeck leak-check}). A null is "Flightdeck's default".
 *
 * @param child the workloads and their JVMs
 * @param duration how long each workload is watched after warm-up, e.g. 60s or 5m
 * @param checkpointMillis time between two checkpoints (each a full collection)
 * @param limitBytesPerOperation most growth per operation, e.g. 16 or 1KiB
 * @param limitBytesPerSecond most growth per second, e.g. 64KiB
 */
record LeakCheckOptions(ChildOptions child, String duration, Long checkpointMillis, String limitBytesPerOperation,
                        String limitBytesPerSecond) {
}
