package io.flightdeck.profiling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Weights by name, with the events behind them, and the top of them; what every section of an analysis ranks with. */
public final class Tally {

    /** per name: the weight, then the number of events that added to it */
    private final Map<String, long[]> weights = new HashMap<>();

    public void add(String name, long weight) {
        long[] w = weights.computeIfAbsent(name, k -> new long[2]);
        w[0] += weight;
        w[1]++;
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
        return top(top, total, false);
    }

    /** The same, each row with the number of events behind its weight. */
    public List<Ranked> topWithSamples(int top, long total) {
        return top(top, total, true);
    }

    private List<Ranked> top(int top, long total, boolean samples) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(weights.entrySet());
        entries.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        List<Ranked> out = new ArrayList<>(Math.min(top, entries.size()));
        for (Map.Entry<String, long[]> e : entries.subList(0, Math.min(top, entries.size()))) {
            long[] w = e.getValue();
            out.add(new Ranked(e.getKey(), w[0], total == 0 ? 0 : 100.0 * w[0] / total, samples ? w[1] : null));
        }
        return out;
    }
}
