package io.flightdeck.engine.workloads;

import java.util.ArrayList;
import java.util.List;

import io.flightdeck.memory.datagen.EpisodeGenerator;
import io.flightdeck.memory.datagen.GeneratedEpisode;

/**
 * A fixed pool of generated episodes that a workload cycles through, made before measurement so no measured
 * operation pays for its input. A few hundred different episodes keep the JIT from specialising on one; each
 * worker thread walks the pool from its own offset.
 */
final class EpisodeSource {

    static final int POOL_SIZE = 256;

    private final GeneratedEpisode[] pool;
    private final int[] cursors;

    private EpisodeSource(List<GeneratedEpisode> episodes, int threads) {
        this.pool = episodes.toArray(GeneratedEpisode[]::new);
        this.cursors = new int[threads * 16]; // 16 ints apart: no false sharing between workers' cursors
        for (int t = 0; t < threads; t++) {
            cursors[t * 16] = (t * pool.length / threads) % pool.length;
        }
    }

    /** {@link #POOL_SIZE} episodes of exactly {@code steps} steps. */
    static EpisodeSource of(long seed, int steps, int threads) {
        EpisodeGenerator generator = new EpisodeGenerator(seed);
        List<GeneratedEpisode> list = new ArrayList<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            list.add(generator.next(steps));
        }
        return new EpisodeSource(list, threads);
    }

    /** The next episode for a worker thread; each thread must use only its own index. */
    GeneratedEpisode next(int thread) {
        int slot = thread * 16;
        int i = cursors[slot];
        cursors[slot] = i + 1 == pool.length ? 0 : i + 1;
        return pool[i];
    }
}
