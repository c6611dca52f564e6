package io.flightdeck.harness.jmh;

import java.util.concurrent.TimeUnit;

/**
 * A JMH score unit: a time per operation ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}, also per
 * minute and hour) or operations per time ({@code ops/ns} … {@code ops/s}, {@code ops/min}, {@code ops/hr}).
 *
 * @param perOperation whether the unit is time per operation (else operations per time)
 * @param nanos        nanoseconds in the unit's time
 */
public record JmhUnit(boolean perOperation, double nanos) {

    /** Reads a unit as JMH writes it. */
    public static JmhUnit parse(String unit) {
        if (unit == null) {
            throw new IllegalArgumentException("a metric has no scoreUnit");
        }
        if (unit.endsWith("/op")) {
            return new JmhUnit(true, nanosIn(unit.substring(0, unit.length() - 3), unit));
        }
        if (unit.startsWith("ops/")) {
            return new JmhUnit(false, nanosIn(unit.substring(4), unit));
        }
        throw new IllegalArgumentException("not a JMH time unit: " + unit);
    }

    /** A time per operation in this unit, in nanoseconds; for a rate, the mean time per operation it implies. */
    public double nanosPerOperation(double value) {
        return perOperation ? value * nanos : nanos / value;
    }

    /** A figure in this unit as operations per second. */
    public double operationsPerSecond(double value) {
        return 1e9 / nanosPerOperation(value);
    }

    private static double nanosIn(String time, String unit) {
        TimeUnit t = switch (time) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            case "min" -> TimeUnit.MINUTES;
            case "hr" -> TimeUnit.HOURS;
            default -> throw new IllegalArgumentException("not a JMH time unit: " + unit);
        };
        return t.toNanos(1);
    }
}
