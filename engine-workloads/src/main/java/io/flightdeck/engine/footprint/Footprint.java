package io.flightdeck.engine.footprint;

import java.util.List;

/**
 * Memory footprint of the engine's data, measured with JOL. It travels as JSON in the memory-pressure case's details;
 * Flightdeck's reports recognise it by its shape ({@code layouts} and {@code episodes}) and show it.
 *
 * @param vm       the JVM settings the sizes depend on
 * @param episodes completed episodes of increasing step counts (0, 10, 50)
 * @param engine   the in-memory engine's cost per stored episode
 * @param layouts  field layouts of the core model records
 */
public record Footprint(VmLayout vm, List<EpisodeFootprint> episodes, EngineFootprint engine,
                        List<ClassLayoutInfo> layouts) {

    public Footprint {
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
        layouts = layouts == null ? List.of() : List.copyOf(layouts);
    }

    /** The episode measured with {@code steps} steps, or null if that size was not measured. */
    public EpisodeFootprint episode(int steps) {
        for (EpisodeFootprint e : episodes) {
            if (e.steps() == steps) {
                return e;
            }
        }
        return null;
    }

    /** The layout of the class with this binary name (e.g. {@code io.flightdeck.memory.model.Episode}), or null. */
    public ClassLayoutInfo layout(String className) {
        for (ClassLayoutInfo l : layouts) {
            if (l.className().equals(className)) {
                return l;
            }
        }
        return null;
    }
}
