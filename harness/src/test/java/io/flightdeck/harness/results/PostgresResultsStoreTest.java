package io.flightdeck.harness.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.harness.TestTags;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.history.HistoryStore;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.report.RunReport;

/** The PostgreSQL store against a real server: each test on a database of its own. */
@Tag(TestTags.JDK_NEUTRAL)
class PostgresResultsStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456789Z");

    @TempDir
    Path tmp;

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private ResultsStore open() throws IOException {
        return ResultsStores.open(new Home(tmp.resolve("home")), db.url(), System.getenv());
    }

    @Test
    void runsComeBackInTheOrderTheyRanWithTheirFiguresInOrder() throws Exception {
        // added out of order, as an import of an older history after newer runs is: trends read the list as time
        List<HistoryEntry> added = List.of(StoredRuns.entry("b", T0.plusSeconds(5), "m1", 1000),
                StoredRuns.entry("a", T0, "m1", 1100), StoredRuns.entry("c", T0.plusSeconds(9), null, 900));
        try (ResultsStore store = open()) {
            for (HistoryEntry e : added) {
                assertThat(store.add(e, null, null)).isEqualTo(new ResultsStore.Added(e.runId(), true));
            }
        }
        try (ResultsStore store = open()) { // a second connection, and a second migration that finds nothing to do
            HistoryStore.Contents read = store.history();
            assertThat(read.skipped()).isEmpty();
            assertThat(read.entries()).extracting(HistoryEntry::runId).containsExactly("a", "b", "c");
            for (int i = 0; i < added.size(); i++) {
                HistoryEntry want = added.get(new int[]{1, 0, 2}[i]);
                HistoryEntry got = read.entries().get(i);
                assertThat(got.points()).isEqualTo(want.points());
                assertThat(got.time()).isEqualTo(want.time().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
                assertThat(got.fingerprint()).isEqualTo(want.fingerprint());
                assertThat(got.commit()).isEqualTo(want.commit());
                assertThat(got.machine()).isEqualTo(want.machine());
            }
        }
    }

    @Test
    void theSameRunAddedAgainIsStoredOnceAndAnotherMachinesRunOfThatIdGetsASuffix() throws Exception {
        try (ResultsStore store = open()) {
            assertThat(store.add(StoredRuns.entry("r", T0, "m1", 1000), null, null).added()).isTrue();
            // the same run again, as an import or a retried job adds it: its time read back from a file has nanos
            assertThat(store.add(StoredRuns.entry("r", T0, "m1", 1000), null, null))
                    .isEqualTo(new ResultsStore.Added("r", false));
            assertThat(store.add(StoredRuns.entry("r", T0, "m2", 1200), null, null))
                    .isEqualTo(new ResultsStore.Added("r-2", true));
            assertThat(store.add(StoredRuns.entry("r", T0.plusSeconds(1), "m1", 1300), null, null))
                    .isEqualTo(new ResultsStore.Added("r-3", true));
            assertThat(store.add(StoredRuns.entry("r", T0, "m2", 1200), null, null))
                    .isEqualTo(new ResultsStore.Added("r-2", false));
            assertThat(store.history().entries()).extracting(HistoryEntry::runId).containsExactly("r", "r-2", "r-3");
        }
    }

    @Test
    void aRunsWholeReportAndFolderNameAreKept() throws Exception {
        RunReport report = StoredRuns.report("full", T0, 1234);
        try (ResultsStore store = open()) {
            store.add(StoredRuns.entry("full", T0, "m1", 1234), report, tmp.resolve("runs/full"));
            ResultsStore.StoredRun back = store.run("full");
            assertThat(back.report().runId()).isEqualTo("full");
            ObjectMapper json = Json.mapper();
            assertThat(json.writeValueAsString(back.report())).isEqualTo(json.writeValueAsString(report));
            assertThat(back.artifacts()).isEqualTo(tmp.resolve("runs/full").toAbsolutePath());
            assertThat(store.run("missing")).isNull();
            // another machine's run of the same id: stored, and its report says the id it is stored under
            store.add(StoredRuns.entry("full", T0, "m2", 999), StoredRuns.report("full", T0, 999), null);
            assertThat(store.run("full-2").report().runId()).isEqualTo("full-2");
            assertThat(store.run("full-2").artifacts()).isNull();
        }
    }

    @Test
    void aBaselineKeepsItsReportInTheDatabaseAndItsStacksOnDisk() throws Exception {
        Path runFolder = Files.createDirectories(tmp.resolve("run"));
        Files.createDirectories(runFolder.resolve("w"));
        Files.writeString(runFolder.resolve("w/cpu.folded"), "main;w 10\n");
        try (ResultsStore store = open()) {
            assertThat(store.baselineNames()).isEmpty();
            store.saveBaseline("main", runFolder, StoredRuns.report("one", T0, 1000), "c1");
            store.saveBaseline("main", runFolder, StoredRuns.report("two", T0, 2000), "c2"); // replaced
            assertThat(store.baselineNames()).containsExactly("main");
            assertThat(store.hasBaseline("main")).isTrue();
            assertThat(store.hasBaseline("other")).isFalse();
            ComparisonFiles.Compared b = store.baseline("main");
            assertThat(b.report().runId()).isEqualTo("two");
            assertThat(b.folder().resolve("w/cpu.folded")).hasContent("main;w 10");
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flightdeck.baseline SET saved_on = 'another-runner'");
        }
        try (ResultsStore store = open()) {
            // the same path on this machine holds this machine's stacks, not the saving runner's: not read
            assertThat(store.baseline("main").folder()).doesNotExist();
            assertThat(store.baseline("main").report().runId()).isEqualTo("two");
        }
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT git_commit, run_id FROM flightdeck.baseline")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("c2");
            assertThat(r.getString(2)).isEqualTo("two");
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void aRecordPostgreSQLCannotHoldIsRefusedWholeAndNothingOfItIsWritten() throws Exception {
        HistoryEntry nul = new HistoryEntry(HistoryEntry.SCHEMA_VERSION, HistoryEntry.RUN, "nul", T0, null, null,
                "m1", null, null, List.of(new HistoryEntry.Point("w", "a\0b", "p95", 1, "ns", false)));
        try (ResultsStore store = open()) {
            assertThatThrownBy(() -> store.add(nul, null, null)).hasMessageContaining("NUL");
            HistoryEntry negative = StoredRuns.entry("neg", T0, "m1", -5);
            assertThatThrownBy(() -> store.add(negative, null, null)).isInstanceOf(IOException.class);
            assertThat(store.history().entries()).isEmpty();
        }
    }

    @Test
    void writersStartingTogetherOnANewDatabaseCreateItsSchemaOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ResultsStore.Added>> adds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String id = "w" + i;
                adds.add(pool.submit(() -> {
                    try (ResultsStore store = open()) {
                        return store.add(StoredRuns.entry(id, T0, "m1", 1000), null, null);
                    }
                }));
            }
            for (Future<ResultsStore.Added> f : adds) {
                assertThat(f.get().added()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        try (ResultsStore store = open()) {
            assertThat(store.history().entries()).hasSize(4);
        }
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM flightdeck.flyway_schema_history WHERE success")) {
            r.next();
            assertThat(r.getInt(1)).as("migrations applied").isEqualTo(1 + 1); // the schema's creation and V1
        }
    }

    /** A run holds its store for as long as it runs: a connection the server dropped meanwhile is opened again. */
    @Test
    void aConnectionTheServerDroppedIsOpenedAgain() throws Exception {
        try (ResultsStore store = open()) {
            store.add(StoredRuns.entry("before", T0, "m1", 1000), null, null);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                         + "WHERE application_name = 'flightdeck' AND datname = current_database()")) {
                r.next();
                assertThat(r.getInt(1)).as("the store's connection ended").isEqualTo(1);
            }
            store.add(StoredRuns.entry("after", T0.plusSeconds(1), "m1", 1000), null, null);
            assertThat(store.history().entries()).extracting(HistoryEntry::runId).containsExactly("before", "after");
        }
    }

    @Test
    void anUnreachableServerIsOneLineNamingIt() {
        assertThatThrownBy(() -> ResultsStores.open(new Home(tmp), "jdbc:postgresql://127.0.0.1:1/nothing",
                Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("jdbc:postgresql://127.0.0.1:1/nothing")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
