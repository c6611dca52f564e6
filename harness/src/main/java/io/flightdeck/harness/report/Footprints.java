package io.flightdeck.harness.report;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.measure.footprint.Footprint;

/**
 * JOL footprints travel in a case's details (engine-workloads' memory-pressure measures them, with records of the
 * same JSON shape as {@link Footprint}); this finds them by that shape.
 */
public final class Footprints {

    private Footprints() {
    }

    /** The workload and the footprint of the first case that reported one: every fork measures the same classes. */
    public record Found(String workload, Footprint footprint) {
    }

    public static Optional<Found> of(RunReport r) {
        for (WorkloadReport w : r.workloads()) {
            for (CaseReport c : w.cases()) {
                Optional<Footprint> f = of(c);
                if (f.isPresent()) {
                    return Optional.of(new Found(w.name(), f.get()));
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<Footprint> of(CaseReport c) {
        if (c.details() == null || !c.details().has("layouts") || !c.details().has("episodes")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().treeToValue(c.details(), Footprint.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty(); // details of another shape: not a footprint
        }
    }
}
