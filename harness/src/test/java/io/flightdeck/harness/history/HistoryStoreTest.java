package io.flightdeck.harness.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.files.InvalidDocumentException;
import io.flightdeck.harness.TestTags;

@Tag(TestTags.JDK_NEUTRAL)
class HistoryStoreTest {

    @TempDir
    Path dir;

    static HistoryEntry entry(String runId, Instant time, int points) {
        return new HistoryEntry(HistoryEntry.SCHEMA_VERSION, HistoryEntry.RUN, runId, time, "abc", "quick", "f1",
                "cpu; jvm", "passed", HistoryAppenderMain.points(points));
    }

    @Test
    void recordsComeBackInTheOrderTheyWereAdded() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("h/history.jsonl"));
        for (int i = 0; i < 5; i++) {
            store.append(entry("r" + i, Instant.ofEpochSecond(i), 3));
        }
        HistoryStore.Contents c = store.read();
        assertThat(c.entries()).extracting(HistoryEntry::runId).containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(c.entries().get(2).points()).hasSize(3);
        assertThat(c.skipped()).isEmpty();
        assertThat(Files.readAllLines(store.file())).hasSize(5);
    }

    @Test
    void aDamagedLineIsSkippedAndNamedAndTheNextAppendStillLandsOnItsOwnLine() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        store.append(entry("r1", Instant.EPOCH, 1));
        Files.writeString(store.file(), "{\"schemaVersion\":1,\"runId\":\"torn", StandardOpenOption.APPEND);
        store.append(entry("r2", Instant.EPOCH, 1));
        HistoryStore.Contents c = store.read();
        assertThat(c.entries()).extracting(HistoryEntry::runId).containsExactly("r1", "r2");
        assertThat(c.skipped()).containsExactly("line 2");
    }

    /**
     * Kills a writer with SIGKILL at random moments, five times: after each, the file holds every record whose append
     * had returned, numbered without gap or repeat, and nothing that is not a whole record. (The writer may have
     * added more after the last append the test saw acknowledged: it keeps going until the kill lands.)
     */
    @Test
    void aWriterKilledAtAnyMomentLeavesEveryEarlierRunAndAFileThatParses() throws Exception {
        Path file = dir.resolve("killed/history.jsonl");
        SplittableRandom random = new SplittableRandom(7);
        int stored = 0;
        for (int round = 0; round < 5; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), HistoryAppenderMain.class.getName(), file.toString(),
                    String.valueOf(stored + 1)).redirectErrorStream(true).start();
            int acknowledged = stored;
            int target = stored + 2 + random.nextInt(4);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("appended ")) {
                        acknowledged = Integer.parseInt(line.substring("appended ".length()));
                        if (acknowledged >= target) {
                            Thread.sleep(random.nextInt(40)); // somewhere inside a later append
                            p.destroyForcibly();
                            break;
                        }
                    }
                }
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            HistoryStore.Contents c = new HistoryStore(file).read();
            assertThat(c.skipped()).as("round %d", round).isEmpty();
            assertThat(c.entries().size()).as("round %d: every acknowledged append", round)
                    .isGreaterThanOrEqualTo(acknowledged);
            for (int i = 0; i < c.entries().size(); i++) {
                assertThat(c.entries().get(i).runId()).as("round %d", round).isEqualTo("run-" + (i + 1));
            }
            assertThat(c.entries().get(c.entries().size() - 1).points()).hasSize(3_000);
            stored = c.entries().size();
        }
    }

    /** The sweep: one line of invalid UTF-8 made every read fail, so `history` and the report's trend broke. */
    @Test
    void aLineThatIsNotUtf8IsSkippedAndTheOthersStillRead() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        store.append(entry("r1", Instant.EPOCH, 1));
        byte[] bad = "{\"schemaVersion\":1,\"runId\":\"\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1); // 0xFF
        Files.write(store.file(), bad, StandardOpenOption.APPEND);
        store.append(entry("r2", Instant.EPOCH, 1));
        Files.write(store.file(), "{\"a\":1}{\"b\":2}\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        store.append(entry("r3", Instant.EPOCH, 1));

        HistoryStore.Contents c = store.read();
        assertThat(c.entries()).extracting(HistoryEntry::runId).containsExactly("r1", "r2", "r3");
        assertThat(c.skipped()).containsExactly("line 2", "line 4");
    }

    /**
     * The sweep: a line that parses but that no run could have written (a negative or infinite figure, a missing or
     * empty name, an unknown source or verdict, a null read as 0) was read and charted. Each is skipped and named, by
     * the checks a report.json gets.
     */
    @Test
    void aLineNoRunCouldHaveWrittenIsSkippedAndNamed() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        store.append(entry("r1", Instant.EPOCH, 1));
        String good = Files.readString(store.file()).strip();
        List<String> bad = List.of(
                good.replace("\"value\":0.0", "\"value\":-5.0"),                 // a negative latency
                good.replace("\"value\":0.0", "\"value\":1.0E308"),              // beyond any measurement
                good.replace("\"value\":0.0", "\"value\":\"NaN\""),              // not a number
                good.replace("\"value\":0.0", "\"value\":\"Infinity\""),
                good.replace("\"value\":0.0", "\"value\":null"),                 // not 0
                good.replace("\"workload\":\"workload-0\"", "\"workload\":\"\""),   // an empty name
                good.replace("\"workload\":\"workload-0\",", ""),                 // a missing name
                good.replace("\"runId\":\"r1\"", "\"runId\":\" \""),
                good.replace("\"source\":\"run\"", "\"source\":\"guess\""),
                good.replace("\"verdict\":\"passed\"", "\"verdict\":\"maybe\""),
                good.replace("\"time\":\"1970-01-01T00:00:00Z\",", ""),
                good.replace("\"points\":[", "\"points\":[null,"),
                "null");
        for (String line : bad) {
            assertThat(line).as("the test's edit applies").isNotEqualTo(good);
            Files.writeString(store.file(), line + "\n", StandardOpenOption.APPEND);
        }
        store.append(entry("r2", Instant.EPOCH, 1));
        // a workload's own metric may be negative (a leak slope), within bounds
        HistoryEntry slope = new HistoryEntry(HistoryEntry.SCHEMA_VERSION, HistoryEntry.RUN, "r3", Instant.EPOCH,
                null, null, null, null, null, List.of(new HistoryEntry.Point("w", "c", "leak-bytes-per-op", -3.5, "B",
                false)));
        store.append(slope);

        HistoryStore.Contents c = store.read();
        assertThat(c.entries()).extracting(HistoryEntry::runId).containsExactly("r1", "r2", "r3");
        assertThat(c.skipped()).hasSize(bad.size()).first().isEqualTo("line 2");
        assertThat(c.skipped()).last().isEqualTo("line " + (bad.size() + 1));
    }

    /**
     * Earlier versions wrote a workload's own metric that measured nothing as "NaN": that point is dropped and the
     * run kept (its latencies still chart); a latency that is "NaN" is still no record.
     */
    @Test
    void aRunsOwnMetricWrittenAsNaNByAnEarlierVersionCostsThatPointNotTheRun() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        String old = "{\"schemaVersion\":1,\"source\":\"run\",\"runId\":\"old\",\"time\":\"1970-01-01T00:00:00Z\","
                + "\"commit\":null,\"suite\":null,\"fingerprint\":null,\"machine\":null,\"verdict\":\"passed\","
                + "\"points\":[{\"workload\":\"w\",\"caseLabel\":\"c\",\"metric\":\"p95\",\"value\":12.5,"
                + "\"unit\":\"ns\",\"higherIsBetter\":false},"
                + "{\"workload\":\"w\",\"caseLabel\":\"c\",\"metric\":\"live-heap-growth-bytes-per-op\","
                + "\"value\":\"NaN\",\"unit\":\"B\",\"higherIsBetter\":false}]}";
        Files.writeString(store.file(), old + "\n" + old.replace("\"value\":12.5", "\"value\":\"NaN\"") + "\n");

        HistoryStore.Contents c = store.read();

        assertThat(c.entries()).hasSize(1);
        assertThat(c.entries().get(0).points()).extracting(HistoryEntry.Point::metric).containsExactly("p95");
        assertThat(c.skipped()).containsExactly("line 2");

        // appended the same way, the point is left out of the line rather than written as "NaN"
        HistoryEntry entry = c.entries().get(0);
        store.append(new HistoryEntry(entry.schemaVersion(), entry.source(), "new", entry.time(), null, null, null,
                null, null, List.of(entry.points().get(0), new HistoryEntry.Point("w", "c", "gc-count", Double.NaN,
                "", false))));
        assertThat(Files.readAllLines(store.file())).last().asString().doesNotContain("NaN", "gc-count");
    }

    /** A record longer than any line a read takes is refused, not written to be skipped by every read after. */
    @Test
    void aRecordLongerThanAnyLineTheReadTakesIsNotAppended() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"), 2_000);
        store.append(entry("r1", Instant.EPOCH, 1));
        byte[] before = Files.readAllBytes(store.file());
        assertThatThrownBy(() -> store.append(entry("r2", Instant.EPOCH, 100)))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("r2");
        assertThat(Files.readAllBytes(store.file())).isEqualTo(before);
        assertThat(store.read().skipped()).isEmpty();
    }

    /** What the read would skip is not written in the first place: the append says why, the file is unchanged. */
    @Test
    void aRecordTheReadWouldSkipIsNotAppended() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        store.append(entry("r1", Instant.EPOCH, 1));
        byte[] before = Files.readAllBytes(store.file());
        HistoryEntry negative = new HistoryEntry(HistoryEntry.SCHEMA_VERSION, HistoryEntry.RUN, "r2", Instant.EPOCH,
                null, null, null, null, "passed", List.of(new HistoryEntry.Point("w", "c", "p95", -1, "ns", false)));
        assertThatThrownBy(() -> store.append(negative)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("points[0].value is negative");
        assertThat(Files.readAllBytes(store.file())).isEqualTo(before);
    }

    /**
     * One enormous line (a binary pasted in, a runaway writer) was gathered whole into memory before being found no
     * record: a line longer than any record is now skipped as it streams past, its number named.
     */
    @Test
    void aLineLongerThanAnyRecordIsSkippedAsItStreamsPast() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"), 2_000);
        store.append(entry("r1", Instant.EPOCH, 1));
        Files.writeString(store.file(), "{\"runId\":\"" + "x".repeat(200_000) + "\"}\n", StandardOpenOption.APPEND);
        store.append(entry("r2", Instant.EPOCH, 1));
        Files.writeString(store.file(), "y".repeat(100_000), StandardOpenOption.APPEND); // no newline at the end
        HistoryStore.Contents c = store.read();
        assertThat(c.entries()).extracting(HistoryEntry::runId).containsExactly("r1", "r2");
        assertThat(c.skipped()).containsExactly("line 2", "line 4");
        assertThat(HistoryStore.MAX_LINE).isGreaterThan(1_000_000);
    }

    /** A long history is read, and extended, line by line: 100 000 records. */
    @Test
    void aHundredThousandRecordsAreReadAndExtended() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        store.append(entry("r0", Instant.EPOCH, 1));
        String line = Files.readString(store.file());
        try (var out = Files.newBufferedWriter(store.file(), StandardOpenOption.APPEND)) {
            for (int i = 1; i < 100_000; i++) {
                out.write(line.replace("\"r0\"", "\"r" + i + "\""));
            }
        }
        store.append(entry("last", Instant.EPOCH, 1));
        HistoryStore.Contents c = store.read();
        assertThat(c.entries()).hasSize(100_001);
        assertThat(c.entries().get(100_000).runId()).isEqualTo("last");
        assertThat(c.skipped()).isEmpty();
    }

    /** A writer killed half-way leaves its temporary file; the next append clears it away. */
    @Test
    void aKilledWritersTemporaryFileIsRemovedByTheNextAppend() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        store.append(entry("r1", Instant.EPOCH, 1));
        Path leftover = Files.writeString(dir.resolve(".history.jsonl4711.tmp"), "{\"schemaVersion\":1,\"ru");
        Path someoneElses = Files.writeString(dir.resolve(".other4711.tmp"), "not the history's");
        store.append(entry("r2", Instant.EPOCH, 1));
        assertThat(leftover).doesNotExist();
        assertThat(someoneElses).exists();
        assertThat(store.read().entries()).hasSize(2);
    }

    /** Commands run in one JVM (tests, a build plugin) append at once: Java's file lock alone refuses that. */
    @Test
    void threadsOfOneProcessAppendingAtOnceAllLand() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        int writers = 12;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String id = "t" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    store.append(entry(id, Instant.EPOCH, 2));
                    return null;
                }));
            }
            start.countDown();
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.read().entries()).hasSize(writers);
        assertThat(store.read().skipped()).isEmpty();
    }

    /** Writers adding the same run at once (a retried import, two builds on one home) add it once: look and write under one lock. */
    @Test
    void theSameRunAddedByManyWritersAtOnceLandsOnce() throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        store.append(entry("earlier", Instant.EPOCH, 1));
        HistoryEntry same = entry("r1", Instant.ofEpochSecond(5), 2);
        int writers = 12;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<Boolean>> done = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    return store.appendUnlessPresent(same, e -> e.runId().equals(same.runId()));
                }));
            }
            start.countDown();
            int added = 0;
            for (var f : done) {
                added += f.get() ? 1 : 0;
            }
            assertThat(added).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.read().entries()).extracting(HistoryEntry::runId).containsExactly("earlier", "r1");
        assertThat(store.appendUnlessPresent(entry("r2", Instant.EPOCH, 1), e -> e.runId().equals("r2"))).isTrue();
        assertThat(store.read().entries()).hasSize(3);
    }

    @Test
    void trendsCompareEachRunWithThePreviousOnTheSameEnvironmentOnly() {
        List<HistoryEntry> entries = List.of(
                point("a", "f1", 100, false), point("b", "f1", 101, false), point("c", "f2", 300, false),
                point("d", "f1", 130, false));
        List<Trend.Row> rows = Trend.of(entries, "w", "default", "p95");
        assertThat(rows.get(0).change()).as("the first is the baseline").isNull();
        assertThat(rows.get(2).change()).as("the first of its environment").isNull();
        assertThat(rows.get(1).change()).isCloseTo(0.01, offset(1e-9));
        assertThat(rows.get(1).warning()).isFalse();
        assertThat(rows.get(2).sameEnvironment()).isFalse(); // the newest run is on f1
        assertThat(rows.get(3).change()).as("against b, not c").isCloseTo(130 / 101.0 - 1,
                offset(1e-9));
        assertThat(rows.get(3).warning()).isTrue();
    }

    @Test
    void aThroughputWarnsWhenItFalls() {
        List<Trend.Row> rows = Trend.of(List.of(point("a", "f", 1000, true), point("b", "f", 850, true),
                point("c", "f", 1200, true)), "w", "default", "p95");
        assertThat(rows.get(1).warning()).isTrue();
        assertThat(rows.get(2).warning()).isFalse();
    }

    private static HistoryEntry point(String run, String fingerprint, double value, boolean higherIsBetter) {
        return new HistoryEntry(1, HistoryEntry.RUN, run, Instant.EPOCH, null, "quick", fingerprint, null, "passed",
                List.of(new HistoryEntry.Point("w", "default", "p95", value, "ns", higherIsBetter)));
    }
}
