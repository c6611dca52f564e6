package io.flightdeck.engine.workloads;

import java.util.UUID;

import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.GeneratedEpisode;

/**
 * {@code logStep}: one step into an active episode, including the buffered flush to the store every 20 steps.
 * Episodes of 50 steps; starting and completing them is untimed.
 */
public final class StepLoggingWorkload extends StoreWorkload {

    static final int STEPS = 50;

    public StepLoggingWorkload() {
        super("step-logging", "log one step (tool call and result) into an active 50-step episode", "step");
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) throws Exception {
        EngineStore store = EngineStore.open(context, workloadCase.label());
        EpisodeSource source = EpisodeSource.of(context.seed(), STEPS, 1);
        return new Session() {
            private final MemoryEngine engine = store.engine();
            private GeneratedEpisode episode;
            private UUID id;
            private int next = STEPS;

            @Override
            public void prepare(int thread) {
                if (next == STEPS) {
                    if (id != null) {
                        engine.completeEpisode(id, episode.outcome());
                    }
                    episode = source.next(thread);
                    id = engine.startEpisode(episode.description(), episode.context(), episode.taskType());
                    next = 0;
                }
            }

            @Override
            public Object operation(int thread) {
                engine.logStep(id, episode.steps().get(next++));
                return null; // logStep returns nothing; the engine keeps the step
            }

            @Override
            public void close() throws Exception {
                store.close();
            }
        };
    }
}
