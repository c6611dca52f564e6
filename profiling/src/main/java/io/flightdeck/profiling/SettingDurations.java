package io.flightdeck.profiling;

import java.util.Locale;

/** Durations as recordings write them in their settings ({@code jdk.ActiveSetting}), by JFR and async-profiler. */
public final class SettingDurations {

    private SettingDurations() {
    }

    /**
     * A setting's duration in nanoseconds: JFR's "10 ms", "20 ms", "1 s", "10ms"; async-profiler's bare nanoseconds
     * ("10000000"); -1 if absent or not a duration ("off", "500/s").
     */
    public static long nanos(String setting) {
        if (setting == null) {
            return -1;
        }
        String s = setting.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i == 0) {
            return -1;
        }
        double value;
        try {
            value = Double.parseDouble(s.substring(0, i));
        } catch (NumberFormatException e) {
            return -1;
        }
        String unit = s.substring(i).trim();
        double factor = switch (unit) {
            case "", "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m", "min" -> 60e9;
            case "h" -> 3600e9;
            case "d" -> 86400e9;
            default -> -1;
        };
        return factor < 0 ? -1 : (long) (value * factor);
    }

}
