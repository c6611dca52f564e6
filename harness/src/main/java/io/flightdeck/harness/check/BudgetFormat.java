package io.flightdeck.harness.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Budget figures as people read them, shared by the terminal table and the Markdown report so both say the same:
 * durations scaled to ns / µs / ms / s, rates as "1,172/s", sizes in binary units ("12.3 KiB"), margins as
 * "+10.0 %" / "−20.0 %".
 *
 * <p>Measured values keep three significant figures, trailing zeros included ("1.20 ms": the zero is a digit
 * of the measurement); limits drop trailing zeros ("50 ms", "1.5 s"), because they are round figures someone
 * chose. Integer parts are never rounded away ("1,172/s", not "1,170/s"). Negative values, which a heap-growth
 * figure can be, and negative margins use the minus sign "−".
 */
public final class BudgetFormat {

    /** Printed for a value or margin that was not measured. */
    public static final String NONE = "—";

    private static final String MINUS = "−";
    private static final String[] DURATION_UNITS = {"ns", "µs", "ms", "s"};
    private static final String[] SIZE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

    private BudgetFormat() {
    }

    /** A measured value in base units: "23.4 µs", "1.20 ms", "850 ns", "1,172/s", "12.3 KiB"; NaN is "—". */
    public static String measured(UnitKind unit, double value) {
        return format(unit, value, false);
    }

    /**
     * A measured value labelled with the short unit reports and the history store beside it: "ns" and "s", "op/s" and
     * "1/s", and "B" are formatted as durations, rates and sizes; any other unit is printed after the number.
     */
    public static String measured(String unit, double value) {
        return switch (unit == null ? "" : unit) {
            case "ns" -> measured(UnitKind.DURATION, value);
            case "s" -> measured(UnitKind.DURATION, value * 1e9);
            case "op/s", "1/s" -> measured(UnitKind.RATE, value);
            case "B" -> measured(UnitKind.BYTES, value);
            default -> measured(UnitKind.NUMBER, value) + (unit == null || unit.isEmpty() ? "" : " " + unit);
        };
    }

    /** A budget's limit in base units: "50 ms", "1 s", "100/s", "256 KiB". */
    public static String limit(UnitKind unit, double value) {
        return format(unit, value, true);
    }

    /** The target as a table shows it: "≤ 50 ms", "≥ 100/s". */
    public static String target(Bound bound, UnitKind unit, double limit) {
        return bound.symbol() + " " + limit(unit, limit);
    }

    /** A margin fraction as a signed percentage: 0.1 is "+10.0 %", −0.2 is "−20.0 %"; NaN is "—". */
    public static String margin(double margin) {
        if (Double.isNaN(margin)) {
            return NONE;
        }
        String sign = margin < 0 ? MINUS : "+";
        if (Double.isInfinite(margin)) {
            return sign + "∞ %";
        }
        BigDecimal percent = BigDecimal.valueOf(Math.abs(margin) * 100).setScale(1, RoundingMode.HALF_UP);
        return sign + percent.toPlainString() + " %";
    }

    /** The verdict's target, e.g. "≤ 50 ms". */
    public static String target(BudgetVerdict verdict) {
        return target(verdict.bound(), verdict.unit(), verdict.limit());
    }

    /** The verdict's measured value, e.g. "45.0 ms", or "—". */
    public static String measured(BudgetVerdict verdict) {
        return measured(verdict.unit(), verdict.measured());
    }

    /** The verdict's margin, e.g. "+10.0 %", or "—". */
    public static String margin(BudgetVerdict verdict) {
        return margin(verdict.margin());
    }

    private static String format(UnitKind unit, double value, boolean stripZeros) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        String sign = value < 0 ? MINUS : "";
        double magnitude = Math.abs(value);
        if (Double.isInfinite(magnitude)) {
            return sign + "∞";
        }
        return sign + switch (unit) {
            case DURATION -> scaled(magnitude, 1000, DURATION_UNITS, stripZeros);
            case BYTES -> scaled(magnitude, 1024, SIZE_UNITS, stripZeros);
            case RATE -> number(magnitude, stripZeros) + "/s";
            case NUMBER -> number(magnitude, stripZeros);
        };
    }

    private static String scaled(double magnitude, double step, String[] units, boolean stripZeros) {
        int index = 0;
        double scaled = magnitude;
        // 999.5 and up would print as "1,000" of this unit: that is "1.00" of the next one
        while (index < units.length - 1 && scaled >= step - 0.5) {
            scaled /= step;
            index++;
        }
        return number(scaled, stripZeros) + " " + units[index];
    }

    /** Three significant figures, or the whole integer part when it has more digits; grouped with commas. */
    private static String number(double magnitude, boolean stripZeros) {
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude >= 100) {
            DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
            grouped.setRoundingMode(RoundingMode.HALF_UP);
            return grouped.format(magnitude);
        }
        BigDecimal rounded = BigDecimal.valueOf(magnitude).round(THREE_DIGITS);
        if (stripZeros) {
            rounded = rounded.stripTrailingZeros();
        } else {
            int integerDigits = rounded.precision() - rounded.scale();
            rounded = rounded.setScale(Math.max(0, 3 - integerDigits), RoundingMode.HALF_UP);
        }
        return rounded.toPlainString();
    }
}
