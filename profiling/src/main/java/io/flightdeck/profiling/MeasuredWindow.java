package io.flightdeck.profiling;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jdk.jfr.consumer.EventStream;

/**
 * The measured iterations of a workload, as its child JVM marked them in its own recording: one
 * {@value #ITERATION_EVENT} event per iteration, whose span is the iteration. The analysis of a workload reads the
 * events that start inside one of these intervals, so start-up, set-up, warm-up and the harness's bookkeeping
 * between iterations stay out of its profile. A recording without marks (any program's) has no measured window.
 *
 * @param intervals the measured iterations, in time order, none overlapping
 */
public record MeasuredWindow(List<Interval> intervals) {

    /** The marker's event type; the child's event class carries this name (the harness writes, this reads). */
    public static final String ITERATION_EVENT = "io.flightdeck.Iteration";
    /** The marker's field that says which phase an iteration belongs to. */
    public static final String PHASE_FIELD = "phase";
    public static final String COLD_START = "cold-start";
    public static final String WARM_UP = "warm-up";
    public static final String MEASURED = "measured";

    /** One measured iteration, from its start to its end. */
    public record Interval(Instant start, Instant end) {
        public Interval {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("an interval ends before it starts: " + start + " to " + end);
            }
        }
    }

    public MeasuredWindow {
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("a measured window needs an interval");
        }
        intervals = merged(intervals);
    }

    /**
     * The measured iterations marked in a recording, or empty when it has none. A pass of its own, before the
     * analysis's (whose collectors need the window from the first event on), through the JDK's stream, which decodes
     * only the marker type (about 0.3 s on a 100 MB recording). A damaged file gives what could be read (the
     * analysis says what is wrong with it).
     */
    public static Optional<MeasuredWindow> read(Path recording) {
        List<Interval> found = streamed(recording);
        return found.isEmpty() ? Optional.empty() : Optional.of(new MeasuredWindow(found));
    }

    private static List<Interval> streamed(Path recording) {
        List<Interval> found = new ArrayList<>();
        try (EventStream stream = EventStream.openFile(recording)) {
            stream.setOrdered(false);
            stream.onEvent(ITERATION_EVENT, e -> {
                if (MEASURED.equals(e.getString(PHASE_FIELD))) {
                    found.add(new Interval(e.getStartTime(), e.getEndTime()));
                }
            });
            stream.start();
        } catch (IOException | RuntimeException | InternalError | StackOverflowError e) {
            // keep what was read: the analysis's own pass reports the damage
        }
        return found;
    }

    /** Whether an event starting at this instant is in the window. */
    public boolean contains(Instant t) {
        int lo = 0;
        int hi = intervals.size() - 1;
        while (lo <= hi) { // the last interval starting at or before t
            int mid = (lo + hi) >>> 1;
            if (intervals.get(mid).start().isAfter(t)) {
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return hi >= 0 && !t.isAfter(intervals.get(hi).end());
    }

    /** The measured time: the intervals' lengths summed. */
    public double seconds() {
        long nanos = 0;
        for (Interval i : intervals) {
            nanos += Duration.between(i.start(), i.end()).toNanos();
        }
        return nanos / 1e9;
    }

    /** The measured time between two instants (the part of the window inside a --from/--to span). */
    public double secondsBetween(Instant from, Instant to) {
        long nanos = 0;
        for (Interval i : intervals) {
            Instant s = i.start().isBefore(from) ? from : i.start();
            Instant e = i.end().isAfter(to) ? to : i.end();
            if (e.isAfter(s)) {
                nanos += Duration.between(s, e).toNanos();
            }
        }
        return nanos / 1e9;
    }

    /** "measured iterations: 12 intervals, 8.4 s of 11.2 s", for a recording of that length. */
    public String describe(double recordingSeconds) {
        return String.format(Locale.ROOT, "measured iterations: %d interval%s, %.1f s of %.1f s", intervals.size(),
                intervals.size() == 1 ? "" : "s", seconds(), recordingSeconds);
    }

    /** What an analysis without a measured window says it covered. */
    public static String describeWhole(double recordingSeconds) {
        return String.format(Locale.ROOT, "whole JVM: %.1f s", recordingSeconds);
    }

    /** Sorted by start, overlapping intervals joined (iterations are sequential; this is a guard). */
    private static List<Interval> merged(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i.start().isBefore(last.end())) {
                out.set(out.size() - 1, new Interval(last.start(), i.end().isAfter(last.end()) ? i.end() : last.end()));
            } else {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }
}
