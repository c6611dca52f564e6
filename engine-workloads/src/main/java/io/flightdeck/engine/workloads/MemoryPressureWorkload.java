package io.flightdeck.engine.workloads;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openjdk.jol.info.GraphLayout;

import io.flightdeck.engine.footprint.FootprintProbe;
import io.flightdeck.api.MetricSink;
import io.flightdeck.api.Scale;
import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.EpisodeGenerator;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.model.ExecutionStep;

/**
 * Stores N episodes (whole 10-step lifecycles, a fixed count per iteration, no warm-up) and reports what they cost
 * the heap: post-GC heap growth per stored episode, and the engine's retained size per episode measured by JOL.
 * Its details carry JOL's footprint of single episodes and the class layouts of the core records.
 */
public final class MemoryPressureWorkload extends StoreWorkload {

    static final int STEPS = 10;

    public MemoryPressureWorkload() {
        super("memory-pressure",
                "store N 10-step episodes; post-GC heap growth and JOL-retained bytes per episode",
                "episode");
    }

    @Override
    public Set<String> metricNames() {
        return Set.of("episodes-stored", "heap-growth-bytes", "heap-growth-bytes-per-episode", "retained-bytes-per-episode");
    }

    @Override
    public List<WorkloadCase> cases(Scale scale) {
        long perIteration = switch (scale) {
            case SMALL -> 1_000;
            case MEDIUM -> 4_000;
            case LARGE -> 10_000;
        };
        return List.of(WorkloadCase.ofOperations("episodes=" + perIteration + "/iteration", perIteration));
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) throws Exception {
        EngineStore store = EngineStore.open(context, workloadCase.label(), 0); // every episode stays
        EpisodeGenerator generator = new EpisodeGenerator(context.seed());
        long emptyEngineBytes = GraphLayout.parseInstance(store.engine()).totalSize();
        long baselineHeap = LiveHeap.afterFullGc();
        return new Session() {
            private final MemoryEngine engine = store.engine();
            private GeneratedEpisode next;
            private long stored;

            @Override
            public void prepare(int thread) {
                next = generator.next(STEPS); // generating is not storing: untimed
            }

            @Override
            public Object operation(int thread) {
                UUID id = engine.startEpisode(next.description(), next.context(), next.taskType());
                for (ExecutionStep step : next.steps()) {
                    engine.logStep(id, step);
                }
                stored++;
                return engine.completeEpisode(id, next.outcome());
            }

            @Override
            public void report(MetricSink sink) {
                next = null;
                long heap = LiveHeap.afterFullGc();
                long engineBytes = GraphLayout.parseInstance(engine).totalSize();
                long n = Math.max(1, stored);
                sink.metric("episodes-stored", stored, "");
                sink.metric("heap-growth-bytes", heap - baselineHeap, "B");
                sink.metric("heap-growth-bytes-per-episode", (double) (heap - baselineHeap) / n, "B");
                sink.metric("retained-bytes-per-episode", (double) (engineBytes - emptyEngineBytes) / n, "B");
            }

            @Override
            public Object details() {
                return FootprintProbe.measure();
            }

            @Override
            public void close() throws Exception {
                store.close();
            }
        };
    }
}
