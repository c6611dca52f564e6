package io.flightdeck.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a goal was asked for, as the report records it ({@code RunOptions.arguments}): the goal, then each parameter
 * given, as {@code name=value} in the plugin's own names, e.g. {@code flightdeck:run forks=1 workloads=lru-cache}.
 */
final class GoalArguments {

    private final List<String> words = new ArrayList<>();

    GoalArguments(String goal) {
        words.add("flightdeck:" + goal);
    }

    /** {@code name=value}; nothing for a parameter not given (null) or a flag left off (false). */
    GoalArguments add(String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> words.add(name + "." + k + "=" + v));
        } else if (value instanceof List<?> list) {
            if (!list.isEmpty()) {
                words.add(name + "=" + String.join(",", list.stream().map(String::valueOf).toList()));
            }
        } else if (value != null && !Boolean.FALSE.equals(value)) {
            words.add(name + "=" + value);
        }
        return this;
    }

    List<String> list() {
        return List.copyOf(words);
    }
}
