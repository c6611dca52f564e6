package io.flightdeck.harness.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.child.files.Json;
import io.flightdeck.profiling.Analysis;

/**
 * A program's truth against a profile of it: per item (a method, a site, a thread) its share in the truth and its
 * share in the profile, in percent, and the difference in points.
 *
 * <p>Shares, not times, so that a loaded machine (which stretches everything) does not move them; and shares of the
 * program's own measured threads on both sides: the truth's denominator is the sum over the threads the program
 * names, the profile's the weight the profile gives those same threads. JVM threads (JIT, GC) and start-up are thus
 * left out of both, whichever sampler sees them.
 */
final class TruthCheck {

    /** One item: its share in the truth and in the profile, in percent. */
    record Row(String configuration, String group, String item, double truth, double profile) {

        double diff() {
            return profile - truth;
        }

        String tableLine() {
            return String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %+.1f |", configuration, group, item,
                    truth, profile, diff());
        }
    }

    static final String TABLE_HEADER = "| program, sampler, JDK | figure | item | truth % | profile % | diff (points) |";

    private TruthCheck() {
    }

    static JsonNode readTruth(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@code analysis.json} as {@code analyze} and {@code run} write it. */
    static Analysis readAnalysis(Path analysisJson) {
        try {
            return Json.mapper().readValue(analysisJson.toFile(), Analysis.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU per method of {@code cpuNanosByMethod}, as shares of the threads of {@code cpuNanosByThread}. */
    static List<Row> cpuByMethod(String configuration, JsonNode truth, ProfileFigures profile) {
        return shares(configuration, "CPU by method", longs(truth, "cpuNanosByMethod"), longs(truth, "cpuNanosByThread"),
                profile::cpuInclusive, profile::cpuOfThread);
    }

    /** CPU per thread of {@code cpuNanosByThread}. */
    static List<Row> cpuByThread(String configuration, JsonNode truth, ProfileFigures profile) {
        Map<String, Long> threads = longs(truth, "cpuNanosByThread");
        return shares(configuration, "CPU by thread", threads, threads, profile::cpuOfThread, profile::cpuOfThread);
    }

    /** Allocated bytes per site of {@code allocatedBytesBySite}, as shares of the threads' bytes. */
    static List<Row> allocationBySite(String configuration, JsonNode truth, ProfileFigures profile) {
        return shares(configuration, "allocation by site", longs(truth, "allocatedBytesBySite"),
                longs(truth, "allocatedBytesByThread"), profile::allocatedAt, profile::allocatedBy);
    }

    /** Time blocked on a lock per thread of {@code blockedNanosByThread}. */
    static List<Row> blockedByThread(String configuration, JsonNode truth, ProfileFigures profile) {
        Map<String, Long> threads = longs(truth, "blockedNanosByThread");
        return shares(configuration, "blocked by thread", threads, threads, profile::blockedOf, profile::blockedOf);
    }

    static List<Row> shares(String configuration, String group, Map<String, Long> items, Map<String, Long> threads,
                            ToLongFunction<String> profileItem, ToLongFunction<String> profileThread) {
        long truthTotal = threads.values().stream().mapToLong(Long::longValue).sum();
        long profileTotal = threads.keySet().stream().mapToLong(profileThread).sum();
        List<Row> rows = new ArrayList<>();
        items.forEach((item, nanos) -> rows.add(new Row(configuration, group, item, percent(nanos, truthTotal),
                percent(profileItem.applyAsLong(item), profileTotal))));
        return rows;
    }

    private static double percent(long part, long whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }

    /** A JSON object of numbers, in its order. */
    static Map<String, Long> longs(JsonNode truth, String field) {
        JsonNode node = truth.path(field);
        if (!node.isObject()) {
            throw new IllegalArgumentException("the truth has no object '" + field + "'");
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), e.getValue().asLong());
        }
        return out;
    }

    /**
     * {@link #record}s the rows, then {@link #assertWithin}: one test run leaves the whole comparison, failures
     * included.
     */
    static void recordAndAssertWithin(List<Row> rows, double points) {
        record(rows);
        assertWithin(rows, points);
    }

    /** Fails unless every row is within {@code points} of its truth, naming all that are not. */
    static void assertWithin(List<Row> rows, double points) {
        assertThat(rows).isNotEmpty();
        List<Row> off = rows.stream().filter(r -> Math.abs(r.diff()) > points).toList();
        assertThat(off).as("items more than %s points off their truth:%n%s%n%s", points, TABLE_HEADER,
                rows.stream().map(Row::tableLine).collect(Collectors.joining("\n"))).isEmpty();
    }

    /**
     * Appends the rows to {@code target/truth/table-PID.md} (and prints them), for the record: a file per test JVM, as
     * two of them may run at once (test.forks).
     */
    static synchronized void record(List<Row> rows) {
        try {
            Path table = Files.createDirectories(Path.of("target", "truth"))
                    .resolve("table-" + ProcessHandle.current().pid() + ".md");
            if (!Files.exists(table)) {
                Files.writeString(table, TABLE_HEADER + "\n|---|---|---|---|---|---|\n");
            }
            Files.writeString(table, rows.stream().map(r -> r.tableLine() + "\n").collect(Collectors.joining()),
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.forEach(r -> System.out.println(r.tableLine()));
    }
}
