package io.flightdeck.harness.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.history.HistoryStore;
import io.flightdeck.harness.report.RunReport;

/**
 * Where results outlive a run: its history record (headline figures, environment, commit), its whole report, and
 * saved baselines. Two kinds: the home folder's files ({@link FileResultsStore}, one machine) and a PostgreSQL
 * database shared by many ({@link PostgresResultsStore}). Every command that reads or writes results goes through
 * one, opened by {@link ResultsStores#open}. Recordings and flame graphs stay in run folders; a store keeps their
 * folder's name.
 */
public interface ResultsStore extends AutoCloseable {

    /** Where it is, for messages: a file, or a database URL without credentials. */
    String location();

    /**
     * Adds a run: its record and, when given, its whole report, all or nothing. A run already there (same id, same
     * time, same environment: the same run added again) is not added twice.
     *
     * @param report    the run's report, null for an imported record
     * @param artifacts the run's folder, null when it has none
     * @return what became of it
     */
    Added add(HistoryEntry entry, RunReport report, Path artifacts) throws IOException;

    /**
     * What {@link #add} did: {@code runId} is the id the run is stored under (the entry's, or with a suffix when
     * another machine's run of a shared store took that id first); {@code added} is false when it was there already.
     */
    record Added(String runId, boolean added) {
    }

    /** Every record, oldest first, and what could not be read (named, not fatal). */
    HistoryStore.Contents history() throws IOException;

    /**
     * A stored run's report and the folder it was written to (which may be another machine's), or null when the
     * store holds no run of that id.
     */
    StoredRun run(String runId) throws IOException;

    /**
     * A run the store holds: its report (null for a record imported from a history file, which has figures only), and
     * its folder's name on the machine that ran it (null when none).
     */
    record StoredRun(RunReport report, Path artifacts) {
    }

    /**
     * Saves the run as baseline {@code name}, replacing one of that name.
     *
     * @return where its files (report, folded stacks) went
     */
    Path saveBaseline(String name, Path runFolder, RunReport report, String commit) throws IOException;

    boolean hasBaseline(String name) throws IOException;

    List<String> baselineNames() throws IOException;

    /** A saved baseline, its report checked as any report.json is; its folder holds its stacks when this machine has them. */
    ComparisonFiles.Compared baseline(String name) throws IOException;

    @Override
    void close() throws IOException;
}
