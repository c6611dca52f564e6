package io.flightdeck.engine.workloads;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.api.MetricSink;
import io.flightdeck.api.Scale;
import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.model.ScoredEpisode;
import io.flightdeck.memory.datagen.EpisodeGenerator;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.datagen.GeneratedQuery;
import io.flightdeck.memory.model.ExecutionStep;

/**
 * {@code retrieveRelevantContext} (top 10) over stores of growing size, so the report can say how cost grows with
 * size (the fitted exponent). The corpus is recorded through the ordinary lifecycle, untimed, so its episodes
 * carry rewards and patterns and are indexed as the engine indexes; they are short (3 to 8 steps) because
 * retrieval cost depends on the index, not on the steps.
 */
public final class RetrievalScalingWorkload extends StoreWorkload {

    /** A slowdown planted for the gate's trials; 0 in every build of the repository (see PlantedSlowdown). */
    private static final double PLANTED = PlantedSlowdown.of("retrieval-scaling");

    static final int MIN_STEPS = 3;
    static final int MAX_STEPS = 8;
    static final int QUERIES = 256;
    static final int LIMIT = 10;

    public RetrievalScalingWorkload() {
        super("retrieval-scaling",
                "retrieve the 10 most relevant episodes for a task, over 100 to 100,000 stored episodes",
                "query");
    }

    @Override
    public Set<String> metricNames() {
        return Set.of("corpus-episodes", "corpus-record-seconds", "hits-per-query");
    }

    @Override
    public List<WorkloadCase> cases(Scale scale) {
        List<Long> sizes = scale == Scale.SMALL ? List.of(100L, 1_000L, 10_000L)
                : List.of(100L, 1_000L, 10_000L, 100_000L);
        return sizes.stream().map(WorkloadCase::ofSize).toList();
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) throws Exception {
        EngineStore store = EngineStore.open(context, workloadCase.label(), 0); // every episode stays
        long began = System.nanoTime();
        try {
            record(store.engine(), context.seed(), workloadCase.size());
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
        double recordSeconds = (System.nanoTime() - began) / 1e9;
        // a second, independent stream: queries resemble the corpus without being drawn from its sequence
        GeneratedQuery[] queries = new EpisodeGenerator(context.seed() + 1).queries(QUERIES).toArray(GeneratedQuery[]::new);
        return new Session() {
            private int next;
            private long hits;
            private long count;

            @Override
            public Object operation(int thread) {
                long began = PLANTED > 0 ? System.nanoTime() : 0;
                GeneratedQuery q = queries[next];
                next = next + 1 == queries.length ? 0 : next + 1;
                count++;
                List<ScoredEpisode> found = store.engine().retrieveRelevantContext(q.text(), q.context(), LIMIT);
                hits += found.size();
                if (PLANTED > 0) {
                    PlantedSlowdown.spin(began, PLANTED);
                }
                return found;
            }

            @Override
            public void report(MetricSink sink) {
                sink.metric("corpus-episodes", workloadCase.size(), "");
                sink.metric("corpus-record-seconds", recordSeconds, "s");
                sink.metric("hits-per-query", count == 0 ? 0 : (double) hits / count, "");
            }

            @Override
            public void close() throws Exception {
                store.close();
            }
        };
    }

    static void record(MemoryEngine engine, long seed, long size) {
        EpisodeGenerator generator = new EpisodeGenerator(seed);
        for (long i = 0; i < size; i++) {
            GeneratedEpisode e = generator.next(MIN_STEPS + (int) (i % (MAX_STEPS - MIN_STEPS + 1)));
            UUID id = engine.startEpisode(e.description(), e.context(), e.taskType());
            for (ExecutionStep step : e.steps()) {
                engine.logStep(id, step);
            }
            engine.completeEpisode(id, e.outcome());
        }
    }
}
