package io.flightdeck.flamegraphs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a flame graph says about itself besides its frames: shown in its header.
 *
 * @param title  the heading, e.g. the workload or file name
 * @param event  what was sampled, e.g. "CPU (jdk.ExecutionSample)"
 * @param unit   what the weights count
 * @param start  when the recording began, or null when the input does not say (folded files)
 * @param end    when it ended, or null
 * @param notes  lines worth a reader's attention (estimates, truncation), shown under the heading
 */
public record GraphInfo(String title, String event, WeightUnit unit, Instant start, Instant end, List<String> notes) {

    public GraphInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(unit, "unit");
        notes = List.copyOf(notes);
    }

    /** A graph with no time span and no notes. */
    public static GraphInfo of(String title, String event, WeightUnit unit) {
        return new GraphInfo(title, event, unit, null, null, List.of());
    }

    /** The same with a time span. */
    public GraphInfo withSpan(Instant from, Instant to) {
        return new GraphInfo(title, event, unit, from, to, notes);
    }

    /** The same with one more note. */
    public GraphInfo withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(Objects.requireNonNull(note, "note"));
        return new GraphInfo(title, event, unit, start, end, more);
    }
}
