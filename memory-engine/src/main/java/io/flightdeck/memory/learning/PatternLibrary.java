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

    /** By key, not by id: the key is what makes two observations the same pattern. */
    private final ConcurrentHashMap<String, Pattern> patterns = new ConcurrentHashMap<>();

    /** Merges candidates (patterns with or without an id) into the library; the merged states all have ids. */
    public MergeResult merge(List<Pattern> observed) {
        List<Pattern> merged = new ArrayList<>(observed.size());
        int fresh = 0;
        for (Pattern p : observed) {
            boolean[] isNew = {false};
            Pattern state = patterns.compute(p.key(), (key, known) -> {
                if (known == null) {
                    isNew[0] = true;
                    return p.id() != null ? p : p.withId(Pattern.idFor(key));
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
            patterns.put(p.key(), p);
        }
    }

    public Collection<Pattern> all() {
        return patterns.values();
    }

    public int size() {
        return patterns.size();
    }
}
