package io.flightdeck.engine.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.harness.cli.ExitCodes;
import io.flightdeck.child.files.Json;

/**
 * The default store spends its CPU in SQLite's native code, and a profile must say so: a recording of the
 * concurrency workload once held 749 native-method samples (701 in {@code NativeDB.step}) beside 441 Java ones, and
 * its hot methods showed Jackson. With the children's sampler, SQLite's frames lead the self-time ranking and the
 * report, and {@code NativeDB.step} carries a large part of the CPU flame graph.
 *
 * <p>The measured window is long enough for the JIT to be done: after one 400 ms warm-up, two 400 ms iterations at
 * the run's 20 ms CPU interval held about 70 samples, led by C2's own frames, and {@code NativeDB.step} drew 10-25 %
 * of them; after two 800 ms warm-ups, three 800 ms iterations give it 45-52 %.
 */
class SqliteNativeTimeTest {

    @TempDir
    Path dir;

    @Test
    void sqlitesNativeCodeLeadsTheProfileOfTheDefaultStore() throws Exception {
        CommandLineRunner run = CommandLineRunner.run("run", "-w", "concurrency", "--case", "threads=2",
                "--warmup", "2", "--iterations", "3", "--iteration-ms", "800", "--timeout", "600",
                "--out", dir.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isIn(ExitCodes.OK, ExitCodes.CHECK_FAILED);

        Path workload = dir.resolve("concurrency");
        JsonNode cpu = Json.mapper().readTree(workload.resolve("analysis.json").toFile()).path("cpu");
        List<String> topSelf = StreamSupport.stream(cpu.path("hotBySelf").spliterator(), false).limit(5)
                .map(row -> row.path("name").asText()).toList();
        assertThat(topSelf).as("the five hottest methods by self time")
                .anyMatch(name -> name.contains("sqlite") || name.contains("NativeDB.step"));

        long all = 0;
        long inStep = 0;
        for (String line : Files.readAllLines(workload.resolve("cpu.folded"))) {
            long samples = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            all += samples;
            if (line.contains("org.sqlite.core.NativeDB.step")) {
                inStep += samples;
            }
        }
        assertThat(100.0 * inStep / all).as("the CPU flame graph's share under NativeDB.step").isGreaterThan(10);
        // the report's hot methods: SQLite's own frames, named alike in every JVM (no temporary file's UUID)
        assertThat(Files.readString(dir.resolve("report.html"))).containsAnyOf("libsqlitejdbc", "NativeDB.step")
                .doesNotContainPattern("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-[^<]*libsqlitejdbc");
    }
}
