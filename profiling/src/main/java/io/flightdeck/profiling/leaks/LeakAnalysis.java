package io.flightdeck.profiling.leaks;

import java.util.List;

import io.flightdeck.profiling.Ranked;

/**
 * What JFR's old-object sampler ({@code jdk.OldObjectSample}) found still alive when the recording ended: a sample
 * of the objects that survived longest, each with its allocation site and, when the recording was made with
 * {@code path-to-gc-roots=true} (or {@code memory-leaks=gc-roots}), the chain of references that keeps it alive.
 * These are the suspects when a heap grows; they are not proof of a leak by themselves (a cache is old on purpose).
 *
 * @param samples      old-object samples in the recording
 * @param withPaths    samples that came with a path to a GC root
 * @param byClass      the sampled objects' classes, by samples
 * @param suspects     the most sampled classes, with where they were allocated and who holds them
 */
public record LeakAnalysis(long samples, long withPaths, List<Ranked> byClass, List<LeakSuspect> suspects) {

    /** A class of sampled objects: how many, how old, allocated where, held by what. */
    public record LeakSuspect(String className, long samples, double percent, Long sampledBytes,
                              double medianAgeSeconds, List<Ranked> allocationSites, List<ReferenceChain> chains) {
    }

    /**
     * One way the suspects are held, root first: the GC root, then each object and the field (or array slot) that
     * refers to the next, down to the sampled object; {@code samples} of the class are held this way.
     */
    public record ReferenceChain(List<String> path, long samples) {
    }
}
