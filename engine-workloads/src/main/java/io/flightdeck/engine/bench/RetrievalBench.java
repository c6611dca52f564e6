package io.flightdeck.engine.bench;

import io.flightdeck.memory.MemoryConfig;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.GeneratedQuery;
import io.flightdeck.memory.model.ScoredEpisode;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code retrieveRelevantContext(query, context, 10)} over 100 to 100,000 completed episodes. The measured call
 * is the whole answer a caller gets: index search, ranking, and loading the 10 episodes (with their steps) from
 * the store.
 *
 * <p>The corpus is built once per trial. In memory it is recorded afresh (a few seconds at 100,000); for SQLite a
 * cached database ({@link CorpusCache}) is copied and opened, which rebuilds the retrieval index from the file as
 * a restarted agent would. Queries cycle through a few hundred generated ones, so no single query's cost
 * dominates and the caches see varied terms.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = BenchSettings.WARMUP_ITERATIONS, time = BenchSettings.WARMUP_SECONDS)
@Measurement(iterations = BenchSettings.MEASUREMENT_ITERATIONS, time = BenchSettings.MEASUREMENT_SECONDS)
@Fork(value = 1, jvmArgsAppend = {BenchSettings.HEAP_MIN, BenchSettings.HEAP_MAX, BenchSettings.PRE_TOUCH})
@State(Scope.Benchmark)
public class RetrievalBench {

    static final int LIMIT = 10;
    static final int QUERIES = 256;

    @Param({StoreUnderTest.MEMORY, StoreUnderTest.SQLITE})
    public String store;

    @Param({"100", "1000", "10000", "100000"})
    public int size;

    private StoreUnderTest underTest;
    private QuerySet queries;
    private QuerySet.Cursor cursor;

    @Setup(Level.Trial)
    public void buildCorpus() {
        queries = QuerySet.generate(EpisodePool.SEED, size, QUERIES);
        cursor = queries.cursor();
        underTest = switch (store) {
            case StoreUnderTest.MEMORY -> {
                MemoryEngine engine = MemoryEngine.open(new InMemoryEpisodeStore(), MemoryConfig.defaults());
                Corpus.record(engine, EpisodePool.SEED, size);
                yield StoreUnderTest.of(engine);
            }
            case StoreUnderTest.SQLITE -> openSqliteCorpus();
            default -> throw new IllegalArgumentException("unknown store '" + store + "': use memory or sqlite");
        };
        requireAnswers();
    }

    private StoreUnderTest openSqliteCorpus() {
        Path database = CorpusCache.database(EpisodePool.SEED, size);
        StoreUnderTest opened;
        try {
            opened = StoreUnderTest.copyOf(database);
        } catch (RuntimeException e) {
            System.err.println("corpus: " + database + " does not open (" + e.getMessage() + "); rebuilding it");
            opened = StoreUnderTest.copyOf(CorpusCache.rebuild(EpisodePool.SEED, size));
        }
        long stored = opened.engine().stats().completedEpisodes();
        if (stored != size) {
            opened.close();
            System.err.println("corpus: " + database + " holds " + stored + " episodes, not " + size + "; rebuilding it");
            opened = StoreUnderTest.copyOf(CorpusCache.rebuild(EpisodePool.SEED, size));
        }
        return opened;
    }

    /** A benchmark of empty answers would measure nothing; every query must find a full page of episodes. */
    private void requireAnswers() {
        int full = 0;
        for (int i = 0; i < queries.size(); i++) {
            if (retrieve(cursor.next()).size() == Math.min(LIMIT, size)) {
                full++;
            }
        }
        if (full < queries.size() / 2) {
            throw new IllegalStateException("only " + full + " of " + queries.size() + " queries found " + LIMIT
                    + " episodes in a corpus of " + size + ": the queries do not match the corpus");
        }
    }

    @TearDown(Level.Trial)
    public void closeStore() {
        underTest.close();
    }

    @Benchmark
    public List<ScoredEpisode> retrieveTop10() {
        return retrieve(cursor.next());
    }

    private List<ScoredEpisode> retrieve(GeneratedQuery q) {
        return underTest.engine().retrieveRelevantContext(q.text(), q.context(), LIMIT);
    }
}
