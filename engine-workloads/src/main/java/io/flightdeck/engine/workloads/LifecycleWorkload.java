package io.flightdeck.engine.workloads;

import java.util.UUID;

import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.model.ExecutionStep;

/** A whole episode as an agent makes it: start, 50 steps, complete. */
public final class LifecycleWorkload extends StoreWorkload {

    static final int STEPS = 50;

    public LifecycleWorkload() {
        super("lifecycle", "a whole episode: start, log 50 steps, complete", "episode");
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) throws Exception {
        EngineStore store = EngineStore.open(context, workloadCase.label());
        EpisodeSource source = EpisodeSource.of(context.seed(), STEPS, workloadCase.threads());
        return new LifecycleSession(store, source);
    }

    /** Starts the episode, logs its steps and completes it; returns its id. */
    static UUID runLifecycle(MemoryEngine engine, GeneratedEpisode e) {
        UUID id = engine.startEpisode(e.description(), e.context(), e.taskType());
        for (ExecutionStep step : e.steps()) {
            engine.logStep(id, step);
        }
        engine.completeEpisode(id, e.outcome());
        return id;
    }

    /** One lifecycle per operation; safe for several threads, each on its own episodes. */
    static final class LifecycleSession implements Session {
        private final EngineStore store;
        private final EpisodeSource source;

        LifecycleSession(EngineStore store, EpisodeSource source) {
            this.store = store;
            this.source = source;
        }

        @Override
        public Object operation(int thread) {
            return runLifecycle(store.engine(), source.next(thread));
        }

        @Override
        public void close() throws Exception {
            store.close();
        }
    }
}
