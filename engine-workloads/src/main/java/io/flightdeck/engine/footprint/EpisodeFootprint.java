package io.flightdeck.engine.footprint;

/**
 * What one completed {@code Episode} holds in memory.
 *
 * @param steps         how many steps the episode has
 * @param retainedBytes bytes of every object reachable from the episode. Objects it shares with others
 *                      (enum constants, the empty immutable collections, interned strings) are counted too,
 *                      so this is what one episode costs alone, slightly over its share in a full store.
 * @param objectCount   how many objects those bytes are spread over
 */
public record EpisodeFootprint(int steps, long retainedBytes, long objectCount) {
}
