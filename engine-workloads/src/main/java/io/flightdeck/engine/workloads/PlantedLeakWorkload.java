package io.flightdeck.engine.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.api.WorkloadContext;


/**
 * {@link MixedLifecycleWorkload} with a leak planted where real ones hide: an audit listener that records every
 * completed episode and is never cleared. A leak check must go red on it and name {@link AuditRecord}.
 */
public final class PlantedLeakWorkload extends MixedLifecycleWorkload {

    /** What the forgotten listener keeps per episode: its id, its description and a buffer of timings. */
    static final class AuditRecord {
        final UUID episode;
        final String description;
        final long[] timings = new long[32];

        AuditRecord(UUID episode, String description) {
            this.episode = episode;
            this.description = description;
        }
    }

    // Why static: a listener registered with something that lives as long as the process, the usual leak
    private static final List<AuditRecord> AUDIT_TRAIL = new ArrayList<>();

    public PlantedLeakWorkload() {
        super("leak-planted", "leak-mixed plus an audit listener that keeps a record of every episode forever "
                + "(a leak check must catch it)");
    }

    /** A leak planted to be caught: checked only when named, never by default. */
    @Override
    public boolean leakCheckByDefault() {
        return false;
    }

    @Override
    protected MixedSession.Hook afterEachOperation(WorkloadContext context) {
        return (episode, source) -> {
            synchronized (AUDIT_TRAIL) {
                AUDIT_TRAIL.add(new AuditRecord(episode, source.description()));
            }
        };
    }
}
