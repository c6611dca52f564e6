package io.flightdeck.engine.footprint;

/**
 * What an in-memory engine holds per stored episode: store, retrieval index, learnt patterns and heuristics.
 *
 * @param episodes          completed episodes in the filled engine
 * @param stepsPerEpisode   steps of each of them
 * @param emptyEngineBytes  bytes reachable from an engine holding nothing (config, clock, empty structures)
 * @param filledEngineBytes bytes reachable from the engine holding {@code episodes} episodes
 * @param bytesPerEpisode   {@code (filled - empty) / episodes}. Patterns are shared between similar episodes,
 *                          so this grows a little less than linearly; it is the figure at this size.
 */
public record EngineFootprint(int episodes, int stepsPerEpisode, long emptyEngineBytes, long filledEngineBytes,
                              long bytesPerEpisode) {
}
