package io.flightdeck.engine.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.model.TaskOutcome;

/** {@code startEpisode}: validate and register a new episode. Started episodes are completed, untimed, in batches. */
public final class EpisodeCreationWorkload extends StoreWorkload {

    /** Completing in batches keeps the set of active episodes small, as an agent's would be. */
    static final int OPEN_EPISODES = 64;

    public EpisodeCreationWorkload() {
        super("episode-creation",
                "start an episode (task description, context and type validated and registered)",
                "episode");
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) throws Exception {
        EngineStore store = EngineStore.open(context, workloadCase.label());
        EpisodeSource source = EpisodeSource.of(context.seed(), 1, 1); // the steps are never logged
        return new Session() {
            private final MemoryEngine engine = store.engine();
            private final List<UUID> open = new ArrayList<>(OPEN_EPISODES);

            @Override
            public void prepare(int thread) {
                if (open.size() == OPEN_EPISODES) {
                    TaskOutcome done = new TaskOutcome.Success("done", List.of());
                    for (UUID id : open) {
                        engine.completeEpisode(id, done);
                    }
                    open.clear();
                }
            }

            @Override
            public Object operation(int thread) {
                GeneratedEpisode e = source.next(thread);
                UUID id = engine.startEpisode(e.description(), e.context(), e.taskType());
                open.add(id);
                return id;
            }

            @Override
            public void close() throws Exception {
                store.close();
            }
        };
    }
}
