package io.flightdeck.engine.bench;

/**
 * Iteration settings shared by every benchmark class, chosen so the whole suite (27 configurations) finishes in
 * about ten minutes on a 2-core machine. Override any of them on the command line ({@code -wi -i -w -r -f}).
 *
 * <p>One fork: a fork costs a JVM start and (for retrieval) a corpus build; on a shared 2-core machine more forks
 * would mostly measure the neighbours. The heap is fixed so GC behaves the same from run to run; 2 GB holds the
 * largest corpus (100,000 short episodes) with room to spare. {@code AlwaysPreTouch} faults the heap's pages in
 * at JVM start: without it, every new TLAB in still-untouched eden pays for page faults (about 10 µs), which
 * made 5% of {@code startEpisode} calls 30 times slower until the allocator had cycled through the young
 * generation, some 5 seconds into the fork.
 */
final class BenchSettings {

    static final int WARMUP_ITERATIONS = 3;
    static final int WARMUP_SECONDS = 1;
    static final int MEASUREMENT_ITERATIONS = 5;
    static final int MEASUREMENT_SECONDS = 2;

    static final String HEAP_MIN = "-Xms2g";
    static final String HEAP_MAX = "-Xmx2g";
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    private BenchSettings() {
    }
}
