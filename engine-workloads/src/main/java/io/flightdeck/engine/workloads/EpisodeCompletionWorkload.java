package io.flightdeck.engine.workloads;

import java.util.UUID;

import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.model.ExecutionStep;

/**
 * {@code completeEpisode} of a 50-step episode: reward, reflection, pattern extraction and merge, heuristics,
 * indexing and the durable write. Starting the episode and logging its steps is untimed.
 */
public final class EpisodeCompletionWorkload extends StoreWorkload {

    static final int STEPS = 50;

    public EpisodeCompletionWorkload() {
        super("episode-completion",
                "complete a 50-step episode: reward, reflection, patterns, heuristics, index and store",
                "episode");
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) throws Exception {
        EngineStore store = EngineStore.open(context, workloadCase.label());
        EpisodeSource source = EpisodeSource.of(context.seed(), STEPS, 1);
        return new Session() {
            private final MemoryEngine engine = store.engine();
            private GeneratedEpisode episode;
            private UUID id;

            @Override
            public void prepare(int thread) {
                episode = source.next(thread);
                id = engine.startEpisode(episode.description(), episode.context(), episode.taskType());
                for (ExecutionStep step : episode.steps()) {
                    engine.logStep(id, step);
                }
            }

            @Override
            public Object operation(int thread) {
                return engine.completeEpisode(id, episode.outcome());
            }

            @Override
            public void close() throws Exception {
                store.close();
            }
        };
    }
}
