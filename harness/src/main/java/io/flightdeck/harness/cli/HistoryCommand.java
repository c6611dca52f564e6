package io.flightdeck.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.changes.ChangeMarks;
import io.flightdeck.harness.changes.HistoryChanges;
import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.env.Environment;
import io.flightdeck.harness.env.EnvironmentProbe;
import io.flightdeck.harness.history.HistoryEntries;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.history.HistoryStore;
import io.flightdeck.harness.history.Trend;
import io.flightdeck.harness.history.TrendChart;
import io.flightdeck.harness.home.GitCommit;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.interchange.JmhImport;
import io.flightdeck.harness.results.ResultsStore;
import io.flightdeck.harness.run.InputChecks;
import io.flightdeck.harness.text.TerminalText;

/** {@code flightdeck history}: the runs so far, or one figure's trend across them, with a chart. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Without --workload: every run in the history. With it: the trend of one figure (default "
                + "p95) per case, each run against the previous one on the same environment (✓, or ⚠️ when worse by "
                + "more than 10 %%), and an SVG chart of it. Runs on another environment are marked, never compared.",
                "With --changes: the persistent shifts in each case's series per environment (E-divisive means), "
                        + "each with the first run and commit after it, its size and its 95 %% interval.",
                "Exit code 0, or 2 on bad input."})
public final class HistoryCommand implements Callable<Integer> {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = {"-w", "--workload"}, paramLabel = "NAME", description = "the workload (or JMH benchmark)")
    String workload;

    @Option(names = "--case", paramLabel = "LABEL", description = "only this case (default: every case)")
    String caseLabel;

    @Option(names = "--metric", paramLabel = "NAME", description = "p50, p95 (default), p99, mean, throughput, "
            + "or a workload's own figure")
    String metric = "p95";

    @Option(names = "--chart", paramLabel = "FILE", description = "where the chart goes (default: "
            + "<home>/charts/<workload>-<case>-<metric>.svg)")
    Path chart;

    @Option(names = "--changes", description = "find the persistent shifts in the series (every workload's, "
            + "without --workload) instead of comparing each run with the one before")
    boolean changes;

    @Option(names = "--significance", paramLabel = "P", description = "with --changes: the level a shift's "
            + "t-test must pass (default 0.001)")
    Double significance;

    @Option(names = "--min-change", paramLabel = "PCT", description = "with --changes: smaller shifts are not "
            + "shown (default 2%%)")
    String minChange;

    @Mixin
    HomeOption home;

    @Option(names = "--import-jmh", paramLabel = "FILE", description = "first add a JMH JSON result file (-rf json) to "
            + "the history, as a record of this machine")
    Path importJmh;

    @Option(names = "--import", paramLabel = "HISTORY", description = "first copy a history file (a home's "
            + "history.jsonl, or the home folder) into the results store (--results-url); runs already there are "
            + "skipped")
    Path importHistory;

    @Override
    public Integer call() throws Exception {
        HistoryChanges.Settings changeSettings = changeSettings();
        String writeWhy = importJmh != null ? "--import-jmh cannot add to the history"
                : importHistory != null ? "--import cannot add to the history" : null;
        Home h = writeWhy != null ? home.writableHome(writeWhy) : home.home();
        PrintWriter out = spec.commandLine().getOut();
        try (ResultsStore store = home.results(writeWhy)) {
            if (importHistory != null) {
                importHistory(out, store);
            }
            if (importJmh != null) {
                importJmh(out, store);
            }
            HistoryStore.Contents contents;
            try {
                contents = store.history();
            } catch (IOException e) {
                throw new UsageException("cannot read the history " + e.getMessage());
            }
            show(out, h, store.location(), contents, changeSettings);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void show(PrintWriter out, Home h, String location, HistoryStore.Contents contents,
                      HistoryChanges.Settings changeSettings) throws IOException {
        if (!contents.skipped().isEmpty()) {
            List<String> skipped = contents.skipped();
            String unit = skipped.get(0).startsWith("line ") ? " line(s)" : " record(s)"; // a file's, a database's
            out.println("warning: " + location + ": skipped " + skipped.size() + unit + " that are not history "
                    + "records (" + String.join(", ", skipped.subList(0, Math.min(10, skipped.size())))
                    + (skipped.size() > 10 ? ", ..." : "") + ")");
        }
        if (contents.entries().isEmpty()) {
            out.println("no runs in " + location + " yet: every `run` and `leak-check` adds one");
            return;
        }
        if (changeSettings != null) {
            new ChangesTable(out, contents.entries(), metric, changeSettings).print(workload, caseLabel);
        } else if (workload == null) {
            runs(out, contents.entries());
        } else {
            trends(out, h, contents.entries());
        }
    }

    /** The settings of --changes, or null without it; its options without it are bad input. */
    private HistoryChanges.Settings changeSettings() {
        if (!changes) {
            if (significance != null || minChange != null) {
                throw new UsageException((significance != null ? "--significance" : "--min-change")
                        + " goes with --changes");
            }
            return null;
        }
        if (chart != null) {
            throw new UsageException("--chart draws a trend, not --changes");
        }
        HistoryChanges.Settings s = HistoryChanges.Settings.DEFAULTS;
        if (significance != null) {
            if (!(significance > 0 && significance < 1)) {
                throw new UsageException("--significance " + significance + ": use a level between 0 and 1, such "
                        + "as 0.001");
            }
            s = s.withSignificance(significance);
        }
        if (minChange != null) {
            s = s.withMinChange(InputChecks.percentage("--min-change", minChange));
        }
        return s;
    }

    /** Copies every record of a history file into the store; the same run already there is not copied again. */
    private void importHistory(PrintWriter out, ResultsStore store) throws IOException {
        Path file = Files.isDirectory(importHistory) ? new Home(importHistory).history() : importHistory;
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--import " + importHistory + ": no history file there (a home's "
                    + "history.jsonl, or the home folder)");
        }
        HistoryStore.Contents from;
        try {
            from = new HistoryStore(file).read();
        } catch (IOException e) {
            throw new UsageException("--import: cannot read " + file + ": " + e.getMessage());
        }
        int added = 0;
        int there = 0;
        try {
            for (HistoryEntry e : from.entries()) {
                if (store.add(e, null, null).added()) {
                    added++;
                } else {
                    there++;
                }
            }
        } catch (IOException e) {
            throw new UsageException("--import stopped after " + added + " run(s): " + e.getMessage());
        }
        out.println("imported " + added + " run(s) from " + file + " into " + store.location()
                + (there > 0 ? "; " + there + " already there" : "")
                + (from.skipped().isEmpty() ? "" : "; skipped " + from.skipped().size() + " line(s) that are not "
                + "records"));
    }

    private void importJmh(PrintWriter out, ResultsStore store) throws IOException {
        Environment env = EnvironmentProbe.probe();
        HistoryEntry entry;
        try {
            entry = JmhImport.read(importJmh, env.fingerprint(), HistoryEntries.machine(env),
                    GitCommit.of(Path.of("").toAbsolutePath()));
        } catch (IOException e) {
            throw new UsageException("--import-jmh: " + e.getMessage());
        }
        ResultsStore.Added added;
        try {
            added = store.add(entry, null, null);
        } catch (IOException e) {
            throw new UsageException("cannot add to the history " + store.location() + ": " + e.getMessage());
        }
        out.println(added.added() ? "added " + entry.points().size() + " JMH figure(s) from " + importJmh + " to "
                + store.location() : importJmh + " is already in " + store.location() + ": not added again");
    }

    private static void runs(PrintWriter out, List<HistoryEntry> entries) {
        String newest = entries.get(entries.size() - 1).fingerprint();
        List<List<String>> rows = new ArrayList<>();
        for (HistoryEntry e : entries) {
            rows.add(List.of(WHEN.format(e.time()), e.runId(), shortCommit(e.commit()),
                    e.source().equals(HistoryEntry.JMH) ? "jmh" : String.valueOf(e.suite()),
                    e.verdict() == null ? "" : e.verdict(),
                    Objects.equals(e.fingerprint(), newest) ? "this one" : "other (" + e.fingerprint() + ")"));
        }
        TerminalSummary.printTable(out, List.of("Date (UTC)", "Run", "Commit", "Suite", "Verdict", "Environment"),
                rows);
    }

    private void trends(PrintWriter out, Home h, List<HistoryEntry> entries) throws IOException {
        List<String> cases = caseLabel != null ? List.of(caseLabel) : Trend.cases(entries, workload, metric);
        if (chart != null && cases.size() > 1) {
            throw new UsageException(TerminalText.safe("--chart " + chart + ": " + workload + " has " + cases.size()
                    + " cases; choose one with --case (" + TerminalText.truncate(String.join(", ", cases), 200) + ")"));
        }
        if (cases.isEmpty() || Trend.of(entries, workload, cases.get(0), metric).isEmpty()) {
            throw new UsageException(TerminalText.safe("no '" + metric + "' of workload '" + workload + "'"
                    + (caseLabel == null ? "" : " case '" + caseLabel + "'") + " in the history"));
        }
        for (String c : cases) {
            List<Trend.Row> rows = Trend.of(entries, workload, c, metric);
            String unit = rows.get(rows.size() - 1).unit();
            out.println();
            out.println(TerminalText.safe("Metric: " + workload + " " + c + ", " + metric));
            List<List<String>> table = new ArrayList<>();
            for (Trend.Row r : rows) {
                table.add(List.of(WHEN.format(r.time()), shortCommit(r.commit()), BudgetFormat.measured(unit,
                        r.value()), trend(r)));
            }
            TerminalSummary.printTable(out, List.of("Date (UTC)", "Commit", "Value", "Trend"), table);
            Path file = chart != null && cases.size() == 1 ? chart
                    : h.directory().resolve("charts").resolve(fileName(workload + "-" + c + "-" + metric) + ".svg");
            try {
                DoubleFunction<String> label = v -> BudgetFormat.measured(unit, v);
                String newest = String.valueOf(rows.get(rows.size() - 1).fingerprint());
                TrendChart.write(file, workload + " " + c + ": " + metric, rows, label,
                        ChangeMarks.of(rows, newest, label));
            } catch (IOException e) {
                throw new UsageException("cannot write the chart " + file + ": " + e.getMessage());
            }
            out.println("chart: " + file.toAbsolutePath().normalize());
        }
    }

    /** "Baseline", "+0.78 % ✓", "+21.9 % ⚠️", or why it is compared with nothing. */
    static String trend(Trend.Row r) {
        if (!r.sameEnvironment()) {
            return "other environment (" + r.fingerprint() + ")";
        }
        if (r.change() == null) {
            return "Baseline";
        }
        return String.format(Locale.ROOT, "%+.2f %%", r.change() * 100).replace('-', '−') + " "
                + (r.warning() ? "⚠️" : "✓");
    }

    static String shortCommit(String commit) {
        if (commit == null) {
            return "";
        }
        return commit.length() > 10 ? commit.substring(0, 10) + (commit.endsWith("-dirty") ? "-dirty" : "") : commit;
    }

    /** Longest chart file name made from names: a file name has at most 255 bytes, and names may be any length. */
    private static final int FILE_NAME = 120;

    /**
     * A file name from the history's names: characters a file name cannot or should not hold replaced, and a name too
     * long cut, with a hash of the whole so that two long names alike at the start still get files of their own.
     */
    static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() <= FILE_NAME) {
            return safe;
        }
        return safe.substring(0, FILE_NAME) + "-" + String.format(Locale.ROOT, "%08x", name.hashCode());
    }
}
