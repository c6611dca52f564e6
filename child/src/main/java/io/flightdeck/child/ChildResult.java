package io.flightdeck.child;

import java.time.Instant;
import java.util.List;

/**
 * What a child JVM reports back, as {@code result.json}: the only channel from child to parent for results.
 *
 * @param status  {@link #OK} or {@link #FAILED}
 * @param failure why the workload failed ("OutOfMemoryError: Java heap space"), null when it did not
 * @param cases   the cases that completed, in order (a failure keeps the ones before it)
 * @param jvm     the JVM that ran it
 */
public record ChildResult(int schemaVersion, String workload, int fork, String status, String failure,
                          Instant startedAt, Instant finishedAt, JvmFacts jvm, List<CaseResult> cases) {

    public static final int SCHEMA_VERSION = 1;
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    /** The JVM exactly as it ran: the flags the report states are read here, not assumed. */
    public record JvmFacts(String vendor, String version, List<String> inputArguments, List<String> garbageCollectors,
                           long maxHeapBytes, long pid) {
    }
}
