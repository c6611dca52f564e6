package io.flightdeck.engine.workloads;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.api.MetricSink;
import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.GeneratedEpisode;

/**
 * The engine as a long-running agent uses it, on a bounded store: each operation starts, logs, completes and
 * retrieves, and every fourth deletes an old episode. Once the store is full its live heap must stay flat: the clean
 * subject of a leak check. {@link PlantedLeakWorkload} is the same with a leak planted.
 */
public class MixedLifecycleWorkload extends StoreWorkload {

    /** Episodes the store keeps; it is filled before measuring, so the measured phase is the steady state. */
    static final int STORE_BOUND = 2_000;
    static final int STEPS = 5;
    static final int KEPT_IDS = 256;

    public MixedLifecycleWorkload() {
        this("leak-mixed", "start, log 5 steps, complete and retrieve; delete every 4th; on a store bounded at "
                + STORE_BOUND + " episodes (must not leak)");
    }

    protected MixedLifecycleWorkload(String name, String description) {
        super(name, description, "op");
    }

    /** Not measured in a suite: it exists to be leak-checked, and its filling dominates a short run. */
    @Override
    public boolean ordinary() {
        return false;
    }

    /** The clean subject of a leak check: {@code leak-check} without {@code -w}, and the nightly suite, check it. */
    @Override
    public boolean leakCheckByDefault() {
        return true;
    }

    @Override
    public Set<String> metricNames() {
        return Set.of("operations-measured", "live-heap-growth-bytes", "live-heap-growth-bytes-per-op");
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) throws Exception {
        EngineStore store = EngineStore.open(context, workloadCase.label(), STORE_BOUND);
        EpisodeSource source = EpisodeSource.of(context.seed(), STEPS, 1);
        MixedSession session = new MixedSession(store, source, afterEachOperation(context));
        for (int i = 0; i < STORE_BOUND + STORE_BOUND / 4; i++) { // fill the store: not measured
            session.operation(0);
        }
        session.startMeasuring();
        return session;
    }

    /** What a variant adds after each operation: nothing here. */
    protected MixedSession.Hook afterEachOperation(WorkloadContext context) {
        return (episode, source) -> {
        };
    }

    /** The operations, and the live heap from the end of the filling to the end of the run. */
    protected static final class MixedSession implements Session {
        private final EngineStore store;
        private final EpisodeSource source;
        private final Hook hook;
        private final ArrayDeque<UUID> recent = new ArrayDeque<>();
        private long operations;
        private long measuredFrom;
        private long baselineHeap;

        /** Runs after each operation, on the worker's thread. */
        protected interface Hook {
            void after(UUID episode, GeneratedEpisode source);
        }

        MixedSession(EngineStore store, EpisodeSource source, Hook hook) {
            this.store = store;
            this.source = source;
            this.hook = hook;
        }

        void startMeasuring() {
            measuredFrom = operations;
            baselineHeap = LiveHeap.afterFullGc();
        }

        @Override
        public Object operation(int thread) {
            MemoryEngine engine = store.engine();
            GeneratedEpisode e = source.next(thread);
            UUID id = LifecycleWorkload.runLifecycle(engine, e);
            Object found = engine.retrieveRelevantContext(e.description(), e.context(), 5);
            recent.addLast(id);
            if (recent.size() > KEPT_IDS) {
                recent.removeFirst();
            }
            if (operations % 4 == 3) {
                engine.deleteEpisode(recent.removeFirst());
            }
            hook.after(id, e);
            operations++;
            return found;
        }

        @Override
        public void report(MetricSink sink) {
            long measured = Math.max(1, operations - measuredFrom);
            long growth = LiveHeap.afterFullGc() - baselineHeap;
            sink.metric("operations-measured", measured, "");
            sink.metric("live-heap-growth-bytes", growth, "B");
            sink.metric("live-heap-growth-bytes-per-op", (double) growth / measured, "B");
        }

        @Override
        public Object retainedRoot() {
            return store.engine();
        }

        @Override
        public long storedItems() {
            return store.engine().stats().completedEpisodes();
        }

        @Override
        public void close() throws Exception {
            store.close();
        }
    }
}
