package io.flightdeck.engine.workloads;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.api.MetricSink;
import io.flightdeck.api.AbstractWorkload;
import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.learning.PatternExtractor;
import io.flightdeck.memory.model.EpisodeFacts;
import io.flightdeck.memory.model.Pattern;

/**
 * Pattern extraction from one 50-step episode, alone, with the engine's defaults (success threshold 0.7,
 * sequences of at most 5 tools). A pure function of the episode: no store is involved, whatever {@code --store}.
 */
public final class PatternExtractionWorkload extends AbstractWorkload {

    /** A slowdown planted for the gate's trials; 0 in every build of the repository (see PlantedSlowdown). */
    private static final double PLANTED = PlantedSlowdown.of("pattern-extraction");

    static final int STEPS = 50;

    public PatternExtractionWorkload() {
        super("pattern-extraction",
                "extract tool-sequence, decision, error-recovery and context patterns from a 50-step episode",
                "episode");
    }

    @Override
    public Set<String> metricNames() {
        return Set.of("patterns-per-episode");
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        EpisodeSource source = EpisodeSource.of(context.seed(), STEPS, 1);
        PatternExtractor extractor = new PatternExtractor(0.7, 5);
        // the episodes' ids are made here, not per operation: an MD5 each, which is not extraction's cost
        UUID[] ids = new UUID[EpisodeSource.POOL_SIZE];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.nameUUIDFromBytes(("episode-" + i).getBytes(StandardCharsets.UTF_8));
        }
        return new Session() {
            private long count;
            /** keeps the result alive so the JIT cannot drop the extraction as dead code */
            private int patterns;

            @Override
            public Object operation(int thread) {
                long began = PLANTED > 0 ? System.nanoTime() : 0;
                GeneratedEpisode e = source.next(thread);
                UUID id = ids[(int) (count++ % ids.length)];
                List<Pattern> found = extractor.extract(id, e.context(), e.steps(), e.outcome(), EpisodeFacts.of(e.steps()));
                patterns += found.size();
                if (PLANTED > 0) {
                    PlantedSlowdown.spin(began, PLANTED);
                }
                return found;
            }

            @Override
            public void report(MetricSink sink) {
                sink.metric("patterns-per-episode", count == 0 ? 0 : (double) patterns / count, "");
            }
        };
    }
}
