package io.flightdeck.memory.learning;

import io.flightdeck.memory.model.Pattern;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything learnt so far, one entry per pattern key. Merging is atomic per pattern, so threads completing
 * episodes at once never lose an occurrence and never take a global lock.
 */
public final class PatternLibrary {

    /** The merged state of each observed pattern, and how many of them were seen for the first time. */
    public record MergeResult(List<Pattern> merged, int newPatterns) {
    }

    private final ConcurrentHashMap<java.util.UUID, Pattern> patterns = new ConcurrentHashMap<>();

    public MergeResult merge(List<Pattern> observed) {
        List<Pattern> merged = new ArrayList<>(observed.size());
        int fresh = 0;
        for (Pattern p : observed) {
            boolean[] isNew = {false};
            Pattern state = patterns.compute(p.id(), (id, known) -> {
                if (known == null) {
                    isNew[0] = true;
                    return p;
                }
                return known.mergedWith(p);
            });
            merged.add(state);
            if (isNew[0]) {
                fresh++;
            }
        }
        return new MergeResult(merged, fresh);
    }

    /** Restores patterns read back from a store. */
    public void load(Collection<Pattern> stored) {
        for (Pattern p : stored) {
            patterns.put(p.id(), p);
        }
    }

    public Collection<Pattern> all() {
        return patterns.values();
    }

    public int size() {
        return patterns.size();
    }
}
