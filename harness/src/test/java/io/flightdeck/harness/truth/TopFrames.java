package io.flightdeck.harness.truth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a recording's CPU samples ({@code jdk.ExecutionSample}, JFR's or async-profiler's) taken inside
 * one method, by method and frame type ("Inlined", "JIT compiled", "Interpreted"...). Read straight from the file,
 * beside Flightdeck's analysis, because the analysis does not keep frame types, and a slow method that tops a profile
 * while it still runs as its own compiled frame (before C2 has inlined it into its caller) says nothing about
 * inlined code.
 */
record TopFrames(Map<String, Long> counts, long total) {

    /** Samples with {@code within} ({@code package.Class.method}) anywhere on their stack. */
    static TopFrames read(Path recording, String within) {
        return read(List.of(recording), within);
    }

    /** As {@link #read(Path, String)}, over several recordings (a run's forks, or JFR's and async-profiler's). */
    static TopFrames read(List<Path> recordings, String within) {
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        for (Path recording : recordings) {
            try (RecordingFile file = new RecordingFile(recording)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent e = file.readEvent();
                    RecordedStackTrace stack = e.getStackTrace();
                    if (!e.getEventType().getName().equals("jdk.ExecutionSample") || stack == null
                            || stack.getFrames().isEmpty()
                            || stack.getFrames().stream().noneMatch(f -> name(f).equals(within))) {
                        continue;
                    }
                    RecordedFrame top = stack.getFrames().get(0);
                    counts.merge(key(name(top), top.getType()), 1L, Long::sum);
                    total++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TopFrames(Map.copyOf(counts), total);
    }

    /** Share (0–100) of the samples whose top frame is the method as a frame of that type. */
    double percent(String method, String frameType) {
        return total == 0 ? 0 : 100.0 * counts.getOrDefault(key(method, frameType), 0L) / total;
    }

    /** The readings for a test's output: each method and frame type with its share, largest first. */
    String describe() {
        StringBuilder s = new StringBuilder(total + " samples:");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(x -> s.append(String.format(" %s %.1f%%;", x.getKey(), 100.0 * x.getValue() / total)));
        return s.toString();
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String key(String method, String frameType) {
        return method + " [" + frameType + "]";
    }
}
