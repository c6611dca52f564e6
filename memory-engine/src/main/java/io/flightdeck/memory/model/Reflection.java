package io.flightdeck.memory.model;

import java.util.List;

/** What went well, what to improve and what was learnt; at most {@link #MAX_ITEMS} of each. */
public record Reflection(List<String> successes, List<String> improvements, List<String> insights) {

    public static final int MAX_ITEMS = 5;

    public Reflection {
        successes = cap(successes);
        improvements = cap(improvements);
        insights = cap(insights);
    }

    private static List<String> cap(List<String> items) {
        if (items == null) {
            return List.of();
        }
        return List.copyOf(items.size() <= MAX_ITEMS ? items : items.subList(0, MAX_ITEMS));
    }
}
