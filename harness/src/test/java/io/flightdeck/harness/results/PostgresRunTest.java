package io.flightdeck.harness.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.TestTags;
import io.flightdeck.harness.cli.CommandLineRunner;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.home.Home;

/** Whole runs recorded into PostgreSQL, then read back by history, compare and export through the store. */
@Tag(TestTags.JDK_NEUTRAL)
class PostgresRunTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private CommandLineRunner run(String out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "-w", "test-sum", "--forks", "1", "--warmup",
                "1", "--iterations", "2", "--iteration-ms", "100", "--no-jfr", "--home", tmp.resolve("home").toString(),
                "--results-url", db.url(), "--out", tmp.resolve(out).toString()));
        args.addAll(List.of(more));
        return CommandLineRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aRunSavedAsBaselineAndARunComparedWithItAreBothInTheDatabase() throws Exception {
        CommandLineRunner first = run("first", "--save-baseline", "main");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("history: " + db.url(), "baseline main saved");
        CommandLineRunner second = run("second", "--baseline", "main", "--no-confirm", "--regression-limit", "900%");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        List<HistoryEntry> runs;
        try (ResultsStore store = ResultsStores.open(new Home(tmp.resolve("home")), db.url(), System.getenv())) {
            runs = store.history().entries();
            assertThat(runs).hasSize(2);
            ResultsStore.StoredRun stored = store.run(runs.get(0).runId());
            assertThat(stored.report().workloads()).extracting(w -> w.name()).containsExactly("test-sum");
            assertThat(stored.artifacts()).isEqualTo(tmp.resolve("first").toAbsolutePath());
            assertThat(store.baselineNames()).containsExactly("main");
        }
        assertThat(runs.get(0).points()).extracting(HistoryEntry.Point::metric).contains("p95", "throughput");
        // nothing of the history went to the home's file
        assertThat(tmp.resolve("home/history.jsonl")).doesNotExist();
        CommandLineRunner compared = CommandLineRunner.run("compare", runs.get(0).runId(), runs.get(1).runId(),
                "--regression-limit", "900%", "--out", tmp.resolve("cmp").toString(), "--home",
                tmp.resolve("home").toString(), "--results-url", db.url());
        assertThat(compared.exitCode()).as(compared.out() + compared.err()).isZero();
        assertThat(compared.out()).contains("run " + runs.get(0).runId());
        CommandLineRunner exported = CommandLineRunner.run("export", runs.get(1).runId(), "--format", "jmh",
                "--home", tmp.resolve("home").toString(), "--results-url", db.url());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("test-sum");
    }

    /** A record imported from a history file has figures, no report: compare says that, not "no such run". */
    @Test
    void anImportedRecordIsNamedAsOneWithoutAReport() throws Exception {
        try (ResultsStore store = ResultsStores.open(new Home(tmp.resolve("home")), db.url(), System.getenv())) {
            store.add(StoredRuns.entry("imported-run", java.time.Instant.parse("2026-01-02T03:04:05Z"), "f", 1200),
                    null, null);
        }
        CommandLineRunner compared = CommandLineRunner.run("compare", "imported-run", "imported-run", "--out",
                tmp.resolve("cmp").toString(), "--home", tmp.resolve("home").toString(), "--results-url", db.url());
        compared.assertUsage("run imported-run in " + db.url() + " was imported (history --import or --import-jmh): "
                + "it has its figures but no report");
        assertThat(tmp.resolve("cmp")).doesNotExist();
    }
}
