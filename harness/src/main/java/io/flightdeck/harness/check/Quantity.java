package io.flightdeck.harness.check;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A budget value as written in the file, converted to base units: "50ms" is 50,000,000 nanoseconds, "100/s" is
 * 100 per second, "256KiB" is 262,144 bytes. A number without unit has kind {@link UnitKind#NUMBER}; the budget
 * then reads it in the metric's own base unit.
 */
public record Quantity(double value, UnitKind kind) {

    // The number part: no sign (negative limits make no sense), no exponent (nobody writes "5e7ms").
    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(\\S*)");

    /** Units and their factor to the base unit; case matters ("mb" could be megabits, so it is refused). */
    private static final Map<String, Double> DURATIONS = Map.of(
            "ns", 1.0, "us", 1e3, "µs", 1e3, "μs", 1e3, "ms", 1e6, "s", 1e9);
    private static final Map<String, Double> SIZES = Map.of(
            "B", 1.0,
            "KB", 1e3, "MB", 1e6, "GB", 1e9,
            "KiB", 1024.0, "MiB", 1024.0 * 1024, "GiB", 1024.0 * 1024 * 1024);

    public Quantity {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("a quantity must be a finite number ≥ 0, got " + value);
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
    }

    /** A JSON number: a value in the metric's base unit. */
    public static Quantity plain(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a finite number");
        }
        if (value < 0) {
            String written = value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value) : Double.toString(value);
            throw new IllegalArgumentException("negative value " + written + "; limits must be ≥ 0");
        }
        return new Quantity(value, UnitKind.NUMBER);
    }

    /**
     * Parses "50ms", "1.5 s", "23 µs", "100/s", "256KiB", "12 MB" or a bare "1000".
     *
     * @throws IllegalArgumentException with a one-line message naming the text and what is accepted
     */
    public static Quantity parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("-")) {
            throw new IllegalArgumentException("negative value '" + text + "'; limits must be ≥ 0");
        }
        Matcher m = TEXT.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read '" + text + "' as a value; expected a number with an"
                    + " optional unit, such as \"50ms\", \"100/s\" or \"256KiB\"");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            return plain(number);
        }
        if (unit.equals("/s")) {
            return new Quantity(number, UnitKind.RATE);
        }
        Double factor = DURATIONS.get(unit);
        if (factor != null) {
            return new Quantity(number * factor, UnitKind.DURATION);
        }
        factor = SIZES.get(unit);
        if (factor != null) {
            return new Quantity(number * factor, UnitKind.BYTES);
        }
        throw new IllegalArgumentException("unknown unit '" + unit + "' in '" + text + "'; use ns, us, µs, ms, s"
                + " for durations, /s for rates, B, KB, KiB, MB, MiB, GB, GiB for sizes");
    }
}
