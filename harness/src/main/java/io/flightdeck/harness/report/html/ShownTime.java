package io.flightdeck.harness.report.html;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How every page writes an instant: to the second, in UTC, and saying so ({@code 2026-12-05 04:38:12 UTC}). A person
 * reads when something ran, not its nanoseconds; report.json and analysis.json keep the full precision.
 */
public final class ShownTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ShownTime() {
    }

    /** The instant cut to the second (not rounded: a run that started at 04:38:12.9 started in that second). */
    public static String of(Instant t) {
        return t == null ? "—" : FORMAT.format(t);
    }
}
