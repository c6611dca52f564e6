package io.flightdeck.harness.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.TestTags;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.home.Home;

/**
 * Writers in separate JVMs on one PostgreSQL store ({@link ResultsWriterMain}): none of their runs lost or doubled,
 * and one killed before its commit leaves nothing.
 */
@Tag(TestTags.JDK_NEUTRAL)
class ManyWritersTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private ProcessBuilder writer(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ResultsWriterMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Test
    void fourProcessesAddingFiftyRunsEachAtOnceLoseAndDoubleNone() throws Exception {
        List<Process> writers = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        Path barrier = Files.createDirectories(tmp.resolve("barrier"));
        for (int k = 0; k < 4; k++) {
            // every writer names its runs run-0 .. run-49, as machines whose runs start in the same seconds would
            Path log = tmp.resolve("writer-" + k + ".log");
            logs.add(log);
            writers.add(writer("write", db.url(), tmp.resolve("home-" + k).toString(), "machine-" + k, "50",
                    barrier.toString()).redirectOutput(log.toFile()).start());
        }
        // every writer connected and its schema check done: they insert together, not one after another
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (countReady(barrier) < 4 && writers.stream().allMatch(Process::isAlive)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(countReady(barrier)).as("writers ready").isEqualTo(4);
        Files.createFile(barrier.resolve("go"));
        for (int k = 0; k < 4; k++) {
            assertThat(writers.get(k).waitFor(5, TimeUnit.MINUTES)).as("writer %d ended", k).isTrue();
            assertThat(writers.get(k).exitValue()).as("writer %d: %s", k, Files.readString(logs.get(k))).isZero();
        }
        List<HistoryEntry> runs;
        try (ResultsStore store = ResultsStores.open(new Home(tmp.resolve("home")), db.url(), System.getenv())) {
            runs = store.history().entries();
        }
        assertThat(runs).hasSize(200);
        assertThat(new HashSet<>(runs.stream().map(HistoryEntry::runId).toList())).hasSize(200);
        Map<String, Integer> perMachine = new HashMap<>();
        HashSet<String> machineAndTime = new HashSet<>();
        for (HistoryEntry e : runs) {
            perMachine.merge(e.fingerprint(), 1, Integer::sum);
            machineAndTime.add(e.fingerprint() + "@" + e.time());
            assertThat(e.points()).hasSize(2);
        }
        assertThat(perMachine).containsOnlyKeys("machine-0", "machine-1", "machine-2", "machine-3")
                .allSatisfy((m, n) -> assertThat(n).as(m).isEqualTo(50));
        assertThat(machineAndTime).as("each machine's 50 runs, each once").hasSize(200);
    }

    @Test
    void aWriterKilledBetweenItsRowsAndTheirCommitLeavesNoRunVisible() throws Exception {
        Path signal = tmp.resolve("rows-written");
        Path log = tmp.resolve("hung.log");
        Process hung = writer("hang", db.url(), tmp.resolve("home").toString(), "machine-9", signal.toString())
                .redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(signal) && hung.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(signal).as("the writer wrote its rows: %s", readQuietly(log)).exists();
            try (ResultsStore store = ResultsStores.open(new Home(tmp.resolve("home")), db.url(), System.getenv())) {
                assertThat(store.history().entries()).as("uncommitted rows are not seen").isEmpty();
            }
        } finally {
            hung.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback sent by the writer
            hung.waitFor(1, TimeUnit.MINUTES);
        }
        try (ResultsStore store = ResultsStores.open(new Home(tmp.resolve("home")), db.url(), System.getenv())) {
            assertThat(store.history().entries()).isEmpty();
            assertThat(store.run("run-hung")).isNull();
            // the server dropped the dead writer's transaction: the same run can now be added, under its own id
            assertThat(store.add(StoredRuns.entry("run-hung", java.time.Instant.EPOCH, "machine-9", 1), null, null))
                    .isEqualTo(new ResultsStore.Added("run-hung", true));
        }
    }

    private static long countReady(Path barrier) throws IOException {
        try (var files = Files.list(barrier)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ready-")).count();
        }
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
