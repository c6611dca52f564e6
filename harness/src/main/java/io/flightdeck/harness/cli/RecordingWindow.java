package io.flightdeck.harness.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Option;

import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.ChunkHeader;
import io.flightdeck.profiling.RecordingException;

/** {@code --from} and {@code --to}: the part of a recording a command reads, for every command that reads one. */
final class RecordingWindow {

    private static final Pattern RELATIVE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Option(names = "--from", paramLabel = "T",
            description = "only events from T: an offset from the recording's start (30s, 1.5m, 500ms) or an ISO instant")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "only events before T, as for --from")
    String to;

    /** Whether either end was given. */
    boolean isSet() {
        return from != null || to != null;
    }

    /** The options narrowed to the window; the recording's start is read only when an offset needs it. */
    AnalysisOptions applyTo(AnalysisOptions options, Path recording) throws RecordingException {
        if (!isSet()) {
            return options;
        }
        Instant start = ChunkHeader.read(recording).start();
        Instant fromInstant = instant("--from", from, start);
        Instant toInstant = instant("--to", to, start);
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            throw new UsageException("--to must be later than --from");
        }
        return options.withWindow(fromInstant, toInstant);
    }

    /** "30s" from the start, or an ISO-8601 instant; null stays null. */
    static Instant instant(String option, String value, Instant recordingStart) {
        if (value == null) {
            return null;
        }
        Matcher m = RELATIVE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double nanos = amount * switch (m.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            return recordingStart.plusNanos((long) nanos);
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + value + "': use an offset such as 30s, 1.5m, 500ms or an "
                    + "instant such as 2026-11-27T10:15:30Z");
        }
    }
}
