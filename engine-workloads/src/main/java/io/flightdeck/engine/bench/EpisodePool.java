package io.flightdeck.engine.bench;

import io.flightdeck.memory.datagen.EpisodeGenerator;
import io.flightdeck.memory.datagen.GeneratedEpisode;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of generated episodes that a benchmark cycles through. Generated once in {@code @Setup} with a
 * fixed seed, so every run measures the same inputs and no measured call pays for making its input. A pool of a
 * few hundred rather than one episode keeps the JIT and the branch predictor from specialising on one input.
 * Episodes are immutable, so a pool may be shared by threads; the cursor is per {@link Cursor}.
 */
final class EpisodePool {

    /** The seed every benchmark draws its data from, unless it needs a second independent stream. */
    static final long SEED = 42L;

    private final GeneratedEpisode[] episodes;

    private EpisodePool(List<GeneratedEpisode> episodes) {
        this.episodes = episodes.toArray(GeneratedEpisode[]::new);
    }

    /** {@code count} episodes of exactly {@code steps} steps each. */
    static EpisodePool ofSteps(long seed, int count, int steps) {
        EpisodeGenerator generator = new EpisodeGenerator(seed);
        List<GeneratedEpisode> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(generator.next(steps));
        }
        return new EpisodePool(list);
    }

    int size() {
        return episodes.length;
    }

    GeneratedEpisode get(int i) {
        return episodes[i];
    }

    Cursor cursor() {
        return new Cursor();
    }

    /** Walks the pool round and round; one per thread. */
    final class Cursor {
        private int next;

        GeneratedEpisode next() {
            GeneratedEpisode e = episodes[next];
            next = next + 1 == episodes.length ? 0 : next + 1;
            return e;
        }
    }
}
