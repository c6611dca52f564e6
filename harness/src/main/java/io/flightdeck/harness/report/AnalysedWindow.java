package io.flightdeck.harness.report;

import java.time.Duration;
import java.util.Locale;

import io.flightdeck.profiling.RecordingFacts;

/** The words every output uses to say which part of a recording its figures cover. */
public final class AnalysedWindow {

    private AnalysedWindow() {
    }

    /**
     * "measured iterations: 12 intervals, 8.4 s of 11.2 s (JMC's rules read the whole recording)", or "whole JVM:
     * 11.2 s"; a --from/--to span is named too.
     */
    public static String of(RecordingFacts r) {
        String window = r.windowDescription();
        boolean narrowed = r.analysedFrom() != null && r.analysedTo() != null
                && (r.analysedFrom().isAfter(r.start()) || r.analysedTo().isBefore(r.end()));
        if (narrowed) {
            window += String.format(Locale.ROOT, ", within %.1f s of it (--from/--to)",
                    Duration.between(r.analysedFrom(), r.analysedTo()).toNanos() / 1e9);
        }
        return r.measuredWindow() == null ? window : window + " (JMC's rules read the whole recording)";
    }
}
