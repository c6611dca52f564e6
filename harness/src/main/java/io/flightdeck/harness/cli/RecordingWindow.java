package io.flightdeck.harness.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.ChunkHeader;
import io.flightdeck.profiling.MeasuredWindow;
import io.flightdeck.profiling.RecordingException;

/**
 * {@code --from}, {@code --to} and {@code --whole-jvm}: the part of a recording a command reads, for every command
 * that reads one. A recording whose child marked its measured iterations is read over those by default.
 * A window that misses the recording entirely is bad input (exit 2): its analysis would be empty, and an empty
 * analysis written without a word reads like a quiet program. A window reaching past either end of the recording
 * is read as far as the recording goes, with a warning naming the recording's span.
 */
final class RecordingWindow {

    private static final Pattern RELATIVE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Spec(Spec.Target.MIXEE)
    CommandSpec command; // its error stream takes the warnings

    @Option(names = "--from", paramLabel = "T",
            description = "only events from T: an offset from the recording's start (30s, 1.5m, 500ms) or an ISO instant")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "only events before T, as for --from")
    String to;

    @Option(names = "--whole-jvm",
            description = "analyse the whole JVM: without it, a recording of ours is read over its measured "
                    + "iterations only (a recording without their marks is always read whole)")
    boolean wholeJvm;

    /** Whether either end was given. */
    boolean isSet() {
        return from != null || to != null;
    }

    /**
     * The options narrowed to the window: the measured iterations the recording marks (unless --whole-jvm), within
     * --from/--to; the recording's start is read only when an offset needs it.
     */
    AnalysisOptions applyTo(AnalysisOptions options, Path recording) throws RecordingException {
        AnalysisOptions measured = wholeJvm ? options : measuredOnly(options, recording);
        return isSet() ? span(measured, recording) : measured;
    }

    /** The options limited to the measured iterations the recording marks; unchanged when it marks none. */
    static AnalysisOptions measuredOnly(AnalysisOptions options, Path recording) {
        return MeasuredWindow.read(recording).map(options::withMeasured).orElse(options);
    }

    private AnalysisOptions span(AnalysisOptions options, Path recording) throws RecordingException {
        Instant start = ChunkHeader.read(recording).start();
        Instant fromInstant = instant("--from", from, start);
        Instant toInstant = instant("--to", to, start);
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            throw new UsageException("--to must be later than --from");
        }
        Optional<Instant> end = ChunkHeader.end(recording);
        String span = span(start, end);
        if (toInstant != null && !toInstant.isAfter(start)) {
            throw new UsageException("--to " + to + " is before the recording starts: nothing to read (" + span + ")");
        }
        if (fromInstant != null && end.isPresent() && !fromInstant.isBefore(end.get())) {
            throw new UsageException("--from " + from + " is after the recording ends: nothing to read (" + span + ")");
        }
        boolean early = fromInstant != null && fromInstant.isBefore(start);
        boolean late = toInstant != null && end.isPresent() && toInstant.isAfter(end.get());
        if ((early || late) && command != null) {
            command.commandLine().getErr().println("warning: " + (early ? "--from " + from : "--to " + to)
                    + (early && late ? " and --to " + to + " reach" : " reaches") + " beyond the recording (" + span
                    + "): only what it holds is read");
            command.commandLine().getErr().flush();
        }
        return options.withWindow(fromInstant, toInstant);
    }

    /** "the recording spans 2026-11-27T10:15:30.123Z to ...Z, 12.3 s", to the millisecond. */
    private static String span(Instant start, Optional<Instant> end) {
        String from = start.truncatedTo(ChronoUnit.MILLIS).toString();
        return end.map(e -> String.format(Locale.ROOT, "the recording spans %s to %s, %.1f s", from,
                        e.truncatedTo(ChronoUnit.MILLIS), Duration.between(start, e).toMillis() / 1000.0))
                .orElse("the recording starts " + from);
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
            return recordingStart.plusNanos((long) nanos); // (long) caps a huge offset at 292 years
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + value + "': use an offset such as 30s, 1.5m, 500ms or an "
                    + "instant such as 2026-11-27T10:15:30Z");
        }
    }
}
