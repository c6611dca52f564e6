package io.flightdeck.harness.files;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.flightdeck.harness.text.TerminalText;

/**
 * The checks a document read back gets after Jackson bound it, at one place in it: a report or a baseline may have
 * been edited by hand, cut short or corrupted, and a null, a negative duration or a 1e308 must stop at the door with
 * the field named ({@code workloads[0].cases[2].iterations is missing}), not as a NullPointerException deep in a
 * comparison or as "+Infinity %" in its output. Each check returns its value, so a checker reads as the record does.
 */
public final class FieldCheck {

    /**
     * Larger than any figure a measurement gives: 31 years in nanoseconds, an exabyte, 10¹⁸ operations a second. A
     * figure beyond it is corruption, and figures below it keep every ratio and sum of them finite.
     */
    public static final double MAX_FIGURE = 1e18;

    private final String path;

    private FieldCheck(String path) {
        this.path = path;
    }

    /** At the document's root. */
    public static FieldCheck root() {
        return new FieldCheck("");
    }

    /** At an object field. */
    public FieldCheck at(String field) {
        return new FieldCheck(path(field));
    }

    /** At an element of a list field. */
    public FieldCheck at(String field, int index) {
        return new FieldCheck(path(field) + "[" + index + "]");
    }

    /** "workloads[0].name"; "" is the place itself. */
    public String path(String field) {
        return field.isEmpty() ? path : path.isEmpty() ? field : path + "." + field;
    }

    public InvalidFieldException invalid(String field, String problem) {
        return new InvalidFieldException(path(field), problem);
    }

    public <T> T present(T value, String field) {
        if (value == null) {
            throw invalid(field, "is missing");
        }
        return value;
    }

    /** A name: present and not blank. */
    public String name(String value, String field) {
        if (present(value, field).isBlank()) {
            throw invalid(field, "is empty");
        }
        return value;
    }

    /** A name that may be absent, but not blank when present. */
    public String optionalName(String value, String field) {
        return value == null ? null : name(value, field);
    }

    public String oneOf(String value, String field, Set<String> allowed) {
        if (!allowed.contains(present(value, field))) {
            throw invalid(field, "is '" + TerminalText.truncate(value, 40) + "', not one of " + String.join(", ",
                    allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** A count, duration or size: 0 or more, and not beyond {@link #MAX_FIGURE}. */
    public long count(long value, String field) {
        if (value < 0) {
            throw invalid(field, "is negative (" + value + ")");
        }
        if (value > MAX_FIGURE) {
            throw invalid(field, "is too large (" + value + ")");
        }
        return value;
    }

    /** {@link #count}, or −1 where the document says "not counted" that way. */
    public long countOrUnknown(long value, String field) {
        return value == -1 ? value : count(value, field);
    }

    /** {@link #count} when present. */
    public Long optionalCount(Long value, String field) {
        return value == null ? null : count(value, field);
    }

    /** A measured figure: a finite number, 0 or more, not beyond {@link #MAX_FIGURE}. */
    public double figure(double value, String field) {
        signed(value, field);
        if (value < 0) {
            throw invalid(field, "is negative (" + format(value) + ")");
        }
        return value;
    }

    /** {@link #figure} when present. */
    public Double optionalFigure(Double value, String field) {
        return value == null ? null : figure(value, field);
    }

    /** {@link #figure}, or NaN where the document says "not measured" that way. */
    public double figureOrNaN(double value, String field) {
        return Double.isNaN(value) ? value : figure(value, field);
    }

    /** A figure that may be negative (a slope, a change, a fence): finite and within ±{@link #MAX_FIGURE}. */
    public double signed(double value, String field) {
        if (!Double.isFinite(value)) {
            throw invalid(field, "is not a finite number (" + value + ")");
        }
        if (Math.abs(value) > MAX_FIGURE) {
            throw invalid(field, "is too large (" + format(value) + ")");
        }
        return value;
    }

    /** {@link #signed}, or NaN where the document says "none" that way. */
    public double signedOrNaN(double value, String field) {
        return Double.isNaN(value) ? value : signed(value, field);
    }

    /** {@link #signed} when present. */
    public Double optionalSigned(Double value, String field) {
        return value == null ? null : signed(value, field);
    }

    /** A list: present, and no element missing. */
    public <T> List<T> list(List<T> value, String field) {
        for (int i = 0; i < present(value, field).size(); i++) {
            if (value.get(i) == null) {
                throw new InvalidFieldException(path(field) + "[" + i + "]", "is missing");
            }
        }
        return value;
    }

    /** {@link #list} when present. */
    public <T> List<T> optionalList(List<T> value, String field) {
        return value == null ? null : list(value, field);
    }

    /** Names in a list of strings: each present and not blank. */
    public List<String> names(List<String> value, String field) {
        list(value, field);
        for (int i = 0; i < value.size(); i++) {
            at(field, i).nameItself(value.get(i));
        }
        return value;
    }

    private void nameItself(String value) {
        if (value.isBlank()) {
            throw new InvalidFieldException(path, "is empty");
        }
    }

    /**
     * Each element's key (its name) appears once: two workloads or two cases of one name cannot be told apart, and
     * whichever a comparison met first would win in silence.
     */
    public <T> void unique(List<T> elements, String field, String keyField, Function<T, String> key) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            Integer first = seen.putIfAbsent(key.apply(elements.get(i)), i);
            if (first != null) {
                throw new InvalidFieldException(path(field) + "[" + i + "]." + keyField, "'"
                        + TerminalText.truncate(key.apply(elements.get(i)), 40) + "' repeats " + path(field) + "["
                        + first + "]." + keyField);
            }
        }
    }

    /** "-5", "0.25", "1.0E308". */
    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
