package io.flightdeck.memory.model;

import io.flightdeck.memory.error.InvalidInputException;

import java.util.List;
import java.util.Map;

/**
 * The model's records are what callers build and hand to the engine, so a null where a value is required is the
 * caller's input error: it is reported as the engine's {@link InvalidInputException} naming the field, not as the
 * NullPointerException {@code Objects.requireNonNull} or {@code List.copyOf} would throw.
 */
final class NullChecks {

    private NullChecks() {
    }

    static <T> T nonNull(T value, String what) {
        if (value == null) {
            throw new InvalidInputException(what + " must not be null");
        }
        return value;
    }

    /** An immutable copy of a list without null entries; null stays an empty list. */
    static <T> List<T> copyWithoutNulls(List<T> items, String what) {
        if (items == null) {
            return List.of();
        }
        for (T item : items) {
            nonNull(item, what);
        }
        return List.copyOf(items);
    }

    /** An immutable copy of a map without null keys or values; null stays an empty map. */
    static Map<String, String> copyWithoutNulls(Map<String, String> map, String what) {
        if (map == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new InvalidInputException(what + " keys and values must not be null");
            }
        }
        return Map.copyOf(map);
    }
}
