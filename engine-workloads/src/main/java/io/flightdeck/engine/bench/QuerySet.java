package io.flightdeck.engine.bench;

import io.flightdeck.memory.datagen.EpisodeGenerator;
import io.flightdeck.memory.datagen.GeneratedQuery;

import java.util.SplittableRandom;

/**
 * The questions a retrieval benchmark asks of a corpus, cycled in order. Half paraphrase an episode of the
 * corpus (the agent meets a task it has done before), half describe a new task in the corpus's vocabulary (it
 * meets something merely similar); both kinds are what {@link EpisodeGenerator} makes. Same seed and corpus
 * size, same queries.
 */
final class QuerySet {

    private static final double NEAR_DUPLICATE_SHARE = 0.5;

    private final GeneratedQuery[] queries;

    private QuerySet(GeneratedQuery[] queries) {
        this.queries = queries;
    }

    /**
     * {@code count} queries about the corpus {@link Corpus#record} makes from ({@code seed}, {@code corpusSize}):
     * near-duplicates name an episode index below {@code corpusSize}, which the generator recomputes from the
     * seed without generating the corpus again.
     */
    static QuerySet generate(long seed, int corpusSize, int count) {
        EpisodeGenerator generator = new EpisodeGenerator(seed);
        SplittableRandom pick = new SplittableRandom(seed);
        GeneratedQuery[] queries = new GeneratedQuery[count];
        for (int i = 0; i < count; i++) {
            queries[i] = pick.nextDouble() < NEAR_DUPLICATE_SHARE
                    ? generator.nearDuplicateQuery(pick.nextLong(corpusSize))
                    : generator.novelQuery();
        }
        return new QuerySet(queries);
    }

    int size() {
        return queries.length;
    }

    Cursor cursor() {
        return new Cursor();
    }

    final class Cursor {
        private int next;

        GeneratedQuery next() {
            GeneratedQuery q = queries[next];
            next = next + 1 == queries.length ? 0 : next + 1;
            return q;
        }
    }
}
