package io.flightdeck.harness.interchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.harness.files.Json;
import io.flightdeck.harness.history.HistoryEntry;

/**
 * JMH's JSON results ({@code -rf json}) as a history record, so microbenchmarks trend beside the harness's runs:
 * each benchmark's score under its mode's name ({@code avgt}, {@code sample}, {@code thrpt}, {@code ss}), and for
 * sampling modes its p50, p95 and p99, each case named by its parameters.
 */
public final class JmhImport {

    private JmhImport() {
    }

    /**
     * @param fingerprint the environment the results are taken to come from (JMH's JSON names the JVM, not the
     *                    machine): the importing machine's
     * @throws IOException with a one-line message when the file is not JMH's JSON
     */
    public static HistoryEntry read(Path file, String fingerprint, String machine, String commit) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not JMH's JSON: expected an array of results");
        }
        List<HistoryEntry.Point> points = new ArrayList<>();
        int index = 0;
        for (JsonNode r : root) {
            index++;
            String benchmark = r.path("benchmark").asText(null);
            String mode = r.path("mode").asText(null);
            JsonNode metric = r.path("primaryMetric");
            if (benchmark == null || mode == null || !metric.path("score").isNumber()) {
                throw new IOException(file + ": result " + index + " lacks benchmark, mode or primaryMetric.score");
            }
            String workload = shortName(benchmark);
            String caseLabel = params(r.path("params"));
            String unit = metric.path("scoreUnit").asText("");
            boolean higherIsBetter = mode.equals("thrpt");
            points.add(new HistoryEntry.Point(workload, caseLabel, mode, metric.path("score").asDouble(), unit,
                    higherIsBetter));
            JsonNode percentiles = metric.path("scorePercentiles");
            if (mode.equals("sample") && percentiles.isObject()) {
                for (String p : List.of("50.0", "95.0", "99.0")) {
                    if (percentiles.path(p).isNumber()) {
                        points.add(new HistoryEntry.Point(workload, caseLabel, "p" + p.replace(".0", ""),
                                percentiles.path(p).asDouble(), unit, false));
                    }
                }
            }
        }
        if (points.isEmpty()) {
            throw new IOException(file + " holds no JMH results");
        }
        Instant time = Files.getLastModifiedTime(file).toInstant();
        return new HistoryEntry(HistoryEntry.SCHEMA_VERSION, HistoryEntry.JMH, file.getFileName().toString(), time,
                commit, null, fingerprint, machine, null, points);
    }

    /** "io.flightdeck.harness.bench.RetrievalBench.retrieve" → "RetrievalBench.retrieve". */
    static String shortName(String benchmark) {
        int last = benchmark.lastIndexOf('.');
        int before = last <= 0 ? -1 : benchmark.lastIndexOf('.', last - 1);
        return benchmark.substring(before + 1);
    }

    /** "size=1000,store=memory", or "default" without parameters. */
    static String params(JsonNode params) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parts.add(e.getKey() + "=" + e.getValue().asText());
        }
        return parts.isEmpty() ? "default" : String.join(",", parts);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
