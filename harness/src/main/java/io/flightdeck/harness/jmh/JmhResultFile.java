package io.flightdeck.harness.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads JMH's JSON results ({@code -rf json -rff file}) and checks they hold what Flightdeck needs of them. */
public final class JmhResultFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

    private JmhResultFile() {
    }

    /**
     * The results in JMH's order.
     *
     * @throws IllegalArgumentException with a one-line message naming the file when it is missing, not JSON, or not
     *                                  JMH's results
     */
    public static List<JmhResult> read(Path file) {
        List<JmhResult> results;
        try {
            results = JSON.readValue(Files.readAllBytes(file), new TypeReference<List<JmhResult>>() { });
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist");
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not JMH's JSON results: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (results == null) {
            throw new IllegalArgumentException(file + " is not JMH's JSON results: it holds null");
        }
        for (int i = 0; i < results.size(); i++) {
            check(file, i, results.get(i));
        }
        return results;
    }

    private static void check(Path file, int index, JmhResult r) {
        String where = file + ", result " + (index + 1);
        if (r == null || r.benchmark() == null || r.benchmark().isBlank()) {
            throw new IllegalArgumentException(where + ": no benchmark name");
        }
        where += " (" + r.benchmark() + ")";
        if (r.primaryMetric() == null) {
            throw new IllegalArgumentException(where + ": no primaryMetric");
        }
        JmhMode mode;
        try {
            mode = JmhMode.of(r.mode());
            JmhUnit.parse(r.primaryMetric().scoreUnit());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        boolean histogram = mode == JmhMode.SAMPLE;
        List<?> perFork = histogram ? r.primaryMetric().rawDataHistogram() : r.primaryMetric().rawData();
        if (perFork == null || perFork.isEmpty()) {
            throw new IllegalArgumentException(where + ": no " + (histogram ? "rawDataHistogram" : "rawData")
                    + " (per-fork figures)");
        }
        if (r.threads() < 1) {
            throw new IllegalArgumentException(where + ": threads must be at least 1, was " + r.threads());
        }
    }
}
