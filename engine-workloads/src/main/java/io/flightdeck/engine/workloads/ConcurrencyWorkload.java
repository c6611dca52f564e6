package io.flightdeck.engine.workloads;

import java.util.List;

import io.flightdeck.api.Scale;
import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * The lifecycle (start, 50 steps, complete) on 1, 2, 4 and 8 threads sharing one engine: episodes per second and
 * the latency each thread sees. Beyond the machine's cores the latency includes waiting for one.
 */
public final class ConcurrencyWorkload extends StoreWorkload {

    public ConcurrencyWorkload() {
        super("concurrency", "whole 50-step episodes on 1, 2, 4 and 8 threads sharing one engine", "episode");
    }

    @Override
    public List<WorkloadCase> cases(Scale scale) {
        return List.of(WorkloadCase.ofThreads(1), WorkloadCase.ofThreads(2), WorkloadCase.ofThreads(4),
                WorkloadCase.ofThreads(8));
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) throws Exception {
        EngineStore store = EngineStore.open(context, workloadCase.label());
        EpisodeSource source = EpisodeSource.of(context.seed(), LifecycleWorkload.STEPS, workloadCase.threads());
        return new LifecycleWorkload.LifecycleSession(store, source);
    }
}
