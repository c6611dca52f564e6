package io.flightdeck.harness.interchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.harness.files.FieldCheck;
import io.flightdeck.harness.files.InvalidDocumentException;
import io.flightdeck.harness.files.InvalidFieldException;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.text.TerminalText;

/**
 * JMH's JSON results ({@code -rf json}) as a history record, so microbenchmarks trend beside the harness's runs:
 * each benchmark's score under its mode's name ({@code avgt}, {@code sample}, {@code thrpt}, {@code ss}), and for
 * sampling modes its p50, p95 and p99, each case named by its parameters.
 */
public final class JmhImport {

    /** JMH's modes as its JSON names them: throughput, average time, sampling, single shot. */
    static final Set<String> MODES = Set.of("thrpt", "avgt", "sample", "ss");

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
            root = Json.strictMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not JMH's JSON: expected an array of results");
        }
        List<HistoryEntry.Point> points = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        int index = 0;
        for (JsonNode r : root) {
            FieldCheck at = FieldCheck.root().at("[" + index++ + "]");
            try {
                points.addAll(points(r, at, seen));
            } catch (InvalidFieldException e) {
                throw InvalidDocumentException.of(file, e);
            }
        }
        if (points.isEmpty()) {
            throw new IOException(file + " holds no JMH results");
        }
        Instant time = Files.getLastModifiedTime(file).toInstant();
        return new HistoryEntry(HistoryEntry.SCHEMA_VERSION, HistoryEntry.JMH, file.getFileName().toString(), time,
                commit, null, fingerprint, machine, null, points);
    }

    /**
     * One result's figures, checked as a run's report is: its benchmark named, its mode one JMH has, its score and
     * percentiles finite and not negative (every JMH mode measures a time or a rate), and no benchmark with the same
     * parameters and mode twice (two figures for one point of a trend).
     */
    private static List<HistoryEntry.Point> points(JsonNode r, FieldCheck at, Set<List<String>> seen) {
        if (!r.isObject()) {
            throw at.invalid("", "is not a JMH result (an object)");
        }
        String benchmark = at.name(text(r, at, "benchmark"), "benchmark");
        String mode = at.oneOf(text(r, at, "mode"), "mode", MODES);
        JsonNode metric = r.path("primaryMetric");
        FieldCheck m = at.at("primaryMetric");
        if (!metric.path("score").isNumber()) {
            throw m.invalid("score", metric.has("score") ? "is not a number" : "is missing");
        }
        String workload = shortName(benchmark);
        String caseLabel = params(r.path("params"));
        if (!seen.add(List.of(benchmark, caseLabel, mode))) {
            throw at.invalid("benchmark", "'" + TerminalText.truncate(benchmark, 60) + "' with parameters "
                    + TerminalText.truncate(caseLabel, 40) + " in mode " + mode + " appears twice");
        }
        String unit = metric.path("scoreUnit").asText("");
        List<HistoryEntry.Point> points = new ArrayList<>();
        points.add(new HistoryEntry.Point(workload, caseLabel, mode, m.figure(metric.path("score").asDouble(),
                "score"), unit, mode.equals("thrpt")));
        JsonNode percentiles = metric.path("scorePercentiles");
        if (mode.equals("sample") && percentiles.isObject()) {
            for (String p : List.of("50.0", "95.0", "99.0")) {
                if (percentiles.path(p).isNumber()) {
                    points.add(new HistoryEntry.Point(workload, caseLabel, "p" + p.replace(".0", ""),
                            m.at("scorePercentiles").figure(percentiles.path(p).asDouble(), p), unit, false));
                }
            }
        }
        return points;
    }

    /** A text field, null when absent; a number or an object where text belongs is an error, not its text. */
    private static String text(JsonNode r, FieldCheck at, String field) {
        JsonNode n = r.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw at.invalid(field, "is not text");
        }
        return n.asText();
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
        for (Map.Entry<String, JsonNode> e : params.properties()) {
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
