package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.TestTags;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.results.ResultsStore;
import io.flightdeck.harness.results.ResultsStores;
import io.flightdeck.harness.results.StoredRuns;
import io.flightdeck.harness.results.TestDatabase;

/**
 * The same runs and baselines in the home's files and in PostgreSQL: history (list, trend, changes), compare and
 * export print the same, but for the places they name.
 */
@Tag(TestTags.JDK_NEUTRAL)
class SameOutputFromBothStoresTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    /** Twelve runs of one case, the last six 30 % slower; baselines "before" and "after" of the first and last. */
    private static void fill(ResultsStore store, Path runFolder) throws Exception {
        Instant t0 = Instant.parse("2026-11-01T08:00:00.123456789Z");
        RunReport first = null;
        RunReport last = null;
        for (int i = 0; i < 12; i++) {
            double p95 = (i < 6 ? 1000 : 1300) * (1 + 0.01 * ((i * 7) % 5 - 2));
            Instant at = t0.plusSeconds(3600L * i);
            HistoryEntry e = StoredRuns.entry("run-" + i, at, "f1", p95);
            e = new HistoryEntry(e.schemaVersion(), e.source(), e.runId(), e.time(), "c0mmit" + i, e.suite(),
                    e.fingerprint(), e.machine(), e.verdict(), e.points());
            RunReport report = StoredRuns.report("run-" + i, at, p95);
            store.add(e, report, runFolder);
            first = first == null ? report : first;
            last = report;
        }
        store.saveBaseline("before", runFolder, first, "c0mmit0");
        store.saveBaseline("after", runFolder, last, "c0mmit11");
    }

    @Test
    void historyCompareAndExportSayTheSameFromEitherStore() throws Exception {
        Path fileHome = tmp.resolve("file-home");
        Path dbHome = tmp.resolve("db-home");
        Path runFolder = Files.createDirectories(tmp.resolve("run"));
        try (ResultsStore files = ResultsStores.open(new Home(fileHome), null, System.getenv());
             ResultsStore database = ResultsStores.open(new Home(dbHome), db.url(), System.getenv())) {
            fill(files, runFolder);
            fill(database, runFolder);
        }
        List<List<String>> commands = List.of(
                List.of("history"),
                List.of("history", "-w", "w", "--metric", "p95", "--chart", "CHART"),
                List.of("history", "--changes", "--metric", "p95"),
                List.of("compare", "before", "after", "--out", "OUT"),
                List.of("export", "after", "--format", "jmh"),
                List.of("export", "before", "--format", "smaller-is-better"));
        for (List<String> command : commands) {
            String fromFiles = run(command, fileHome, null);
            String fromDatabase = run(command, dbHome, db.url());
            assertThat(fromDatabase).as(String.join(" ", command)).isEqualTo(fromFiles);
        }
        assertThat(Files.readString(dbHome.resolve("chart.svg"))).isEqualTo(Files.readString(fileHome.resolve("chart.svg")));
        assertThat(Files.readString(dbHome.resolve("out/comparison.json")).replace(dbHome.toString(), "HOME"))
                .isEqualTo(Files.readString(fileHome.resolve("out/comparison.json")).replace(fileHome.toString(), "HOME"));
        assertThat(run(List.of("history", "--changes", "--metric", "p95"), dbHome, db.url()))
                .as("the change the series holds").contains("run-6", "c0mmit6");
    }

    /** The command on one store, its exit code and output, with the store's own places replaced. */
    private static String run(List<String> command, Path home, String url) {
        List<String> args = new ArrayList<>();
        for (String a : command) {
            args.add(a.equals("CHART") ? home.resolve("chart.svg").toString()
                    : a.equals("OUT") ? home.resolve("out").toString() : a);
        }
        args.addAll(List.of("--home", home.toString()));
        if (url != null) {
            args.addAll(List.of("--results-url", url));
        }
        CommandLineRunner r = CommandLineRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as("%s: %s%s", args, r.out(), r.err()).isIn(0, 1);
        return ("exit " + r.exitCode() + "\n" + r.out() + r.err()).replace(home.toString(), "HOME");
    }
}
