package io.flightdeck.engine.bench;

import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.EpisodeGenerator;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.model.ExecutionStep;

import java.util.UUID;

/**
 * The episodes retrieval searches: {@code size} generated episodes recorded through the engine's ordinary
 * lifecycle (start, log, complete), so they carry rewards, reflections and patterns like real ones and are
 * indexed exactly as the engine indexes. Episodes are short (3 to 8 steps): retrieval cost depends on the index,
 * not on the steps, and 100,000 episodes of 50 steps would not fit the heap.
 */
final class Corpus {

    static final int MIN_STEPS = 3;
    static final int MAX_STEPS = 8;

    private Corpus() {
    }

    /** Records the corpus for ({@code seed}, {@code size}) into {@code engine}; the same arguments give the same episodes. */
    static void record(MemoryEngine engine, long seed, int size) {
        EpisodeGenerator generator = new EpisodeGenerator(seed);
        long began = System.nanoTime();
        for (int i = 0; i < size; i++) {
            GeneratedEpisode e = generator.next(MIN_STEPS + i % (MAX_STEPS - MIN_STEPS + 1));
            UUID id = engine.startEpisode(e.description(), e.context(), e.taskType());
            for (ExecutionStep step : e.steps()) {
                engine.logStep(id, step);
            }
            engine.completeEpisode(id, e.outcome());
        }
        if (size >= 10_000) {
            System.err.printf("corpus: recorded %,d episodes in %.1f s into %s%n", size,
                    (System.nanoTime() - began) / 1e9, engine.stats().store());
        }
    }
}
