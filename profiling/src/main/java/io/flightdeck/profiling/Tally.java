package io.flightdeck.profiling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Weights by name, and the top of them; what every section of an analysis ranks with. */
public final class Tally {

    private final Map<String, long[]> weights = new HashMap<>();

    public void add(String name, long weight) {
        weights.computeIfAbsent(name, k -> new long[1])[0] += weight;
    }

    public long get(String name) {
        long[] w = weights.get(name);
        return w == null ? 0 : w[0];
    }

    public int size() {
        return weights.size();
    }

    /** The {@code top} heaviest, ties broken by name so the output is the same every time. */
    public List<Ranked> top(int top, long total) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(weights.entrySet());
        entries.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        List<Ranked> out = new ArrayList<>(Math.min(top, entries.size()));
        for (Map.Entry<String, long[]> e : entries.subList(0, Math.min(top, entries.size()))) {
            out.add(new Ranked(e.getKey(), e.getValue()[0], total == 0 ? 0 : 100.0 * e.getValue()[0] / total));
        }
        return out;
    }
}
