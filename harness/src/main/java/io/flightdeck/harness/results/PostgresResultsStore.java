package io.flightdeck.harness.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.flightdeck.child.files.Json;
import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.env.EnvironmentProbe;
import io.flightdeck.harness.files.InvalidDocumentException;
import io.flightdeck.harness.files.InvalidFieldException;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.history.HistoryStore;
import io.flightdeck.harness.history.HistoryValidation;
import io.flightdeck.harness.home.BaselineStore;
import io.flightdeck.harness.report.ReportFile;
import io.flightdeck.harness.report.RunReport;

/**
 * A PostgreSQL database shared by many machines and processes (schema {@value PostgresConnections#SCHEMA}, kept by
 * Flyway's migrations in {@code results/migration}).
 *
 * <p>Each run is one transaction: its row, its figures and its environment are committed together or not at all, so
 * a writer killed half-way (SIGKILL, a lost connection) leaves nothing, and readers never see a run without its
 * figures. Ids are unique in the store: the same run added twice (same id, time and environment) is added once, and
 * another machine's run that asked for the same id (a time to the second and a suite) is stored with -2, -3..., as
 * one home does.
 *
 * <p>Baselines keep their report here and their folded stacks on the saving machine's disk ({@link BaselineStore}),
 * whose folder the row names: another machine compares against the report, with flame graph differences only where
 * the folder exists.
 */
public final class PostgresResultsStore implements ResultsStore {

    /** More runs of one id than this in a store is no coincidence of names: it is refused rather than looped on. */
    static final int MAX_SUFFIX = 1000;

    /** Reconnects when the connection was lost: a run may hold its store for hours before it writes. */
    private final Connector connector;
    /** This machine's name: a baseline's stacks folder is read only where it was saved. */
    private final String host;
    private Connection connection;
    private final String location;
    private final BaselineStore localBaselines;
    private final ObjectMapper json = Json.strictMapper().copy().disable(SerializationFeature.INDENT_OUTPUT);
    /** Called after a run's rows are written and before they are committed: a test's way to kill a writer there. */
    private final Runnable beforeCommit;

    /** Opens a new connection to the same database. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    PostgresResultsStore(Connection connection, Connector connector, String location, BaselineStore localBaselines,
                         Runnable beforeCommit) {
        this.connection = connection;
        this.connector = connector;
        this.host = Objects.requireNonNullElse(EnvironmentProbe.hostName(), "unknown");
        this.location = location;
        this.localBaselines = localBaselines;
        this.beforeCommit = beforeCommit;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Added add(HistoryEntry entry, RunReport report, Path artifacts) throws IOException {
        HistoryEntry checked = checked(entry);
        try {
            return inTransaction(() -> insert(checked, report, artifacts));
        } catch (SQLException e) {
            throw PostgresConnections.failure(location, "the run " + entry.runId() + " was not added", e);
        }
    }

    private HistoryEntry checked(HistoryEntry entry) throws InvalidDocumentException {
        try {
            HistoryEntry e = HistoryValidation.check(entry);
            noNul(e.runId(), e.commit(), e.suite(), e.fingerprint(), e.machine());
            for (HistoryEntry.Point p : e.points()) {
                noNul(p.workload(), p.caseLabel(), p.metric(), p.unit());
            }
            return e;
        } catch (InvalidFieldException e) {
            throw new InvalidDocumentException(Path.of(location), "record of " + entry.runId() + " not added: "
                    + e.getMessage());
        }
    }

    /** PostgreSQL's text holds no NUL character: such a name would fail half-way through the transaction. */
    private static void noNul(String... values) {
        for (String v : values) {
            if (v != null && v.indexOf('\0') >= 0) {
                throw new InvalidFieldException("a name", "holds a NUL character, which PostgreSQL cannot store");
            }
        }
    }

    private Added insert(HistoryEntry e, RunReport report, Path artifacts) throws SQLException {
        if (e.fingerprint() != null) {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO environment (fingerprint, machine) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, e.fingerprint());
                s.setString(2, e.machine());
                s.executeUpdate();
            }
        }
        for (int k = 1; k <= MAX_SUFFIX; k++) {
            String id = k == 1 ? e.runId() : e.runId() + "-" + k;
            if (insertRun(id, e, reportJson(report, id), artifacts)) {
                insertFigures(id, e.points());
                beforeCommit.run();
                return new Added(id, true);
            }
            // the id is taken (the insert waited for its writer's commit): by this very run, or by another
            if (isSameRun(id, e)) {
                return new Added(id, false);
            }
        }
        throw new SQLException("more than " + MAX_SUFFIX + " runs are stored under id " + e.runId());
    }

    /** The report as stored: under the id the store gave the run. */
    private String reportJson(RunReport report, String id) throws SQLException {
        if (report == null) {
            return null;
        }
        try {
            return json.writeValueAsString(id.equals(report.runId()) ? report : report.withRunId(id));
        } catch (IOException e) {
            throw new SQLException("the report cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private boolean insertRun(String id, HistoryEntry e, String reportJson, Path artifacts) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO run (run_id, source, started_at, "
                + "git_commit, suite, fingerprint, machine, verdict, schema_version, report, artifacts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?) ON CONFLICT (run_id) DO NOTHING")) {
            s.setString(1, id);
            s.setString(2, e.source());
            s.setTimestamp(3, Timestamp.from(e.time().truncatedTo(ChronoUnit.MICROS))); // PostgreSQL would round
            s.setString(4, e.commit());
            s.setString(5, e.suite());
            s.setString(6, e.fingerprint());
            s.setString(7, e.machine());
            s.setString(8, e.verdict());
            s.setInt(9, e.schemaVersion());
            s.setString(10, reportJson);
            s.setString(11, artifacts == null ? null : artifacts.toAbsolutePath().toString());
            return s.executeUpdate() == 1;
        }
    }

    private boolean isSameRun(String id, HistoryEntry e) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT started_at, fingerprint FROM run WHERE run_id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                // PostgreSQL keeps microseconds: a run read back from a file may carry nanoseconds
                return r.next() && r.getTimestamp(1).toInstant().equals(e.time().truncatedTo(ChronoUnit.MICROS))
                        && Objects.equals(r.getString(2), e.fingerprint());
            }
        }
    }

    private void insertFigures(String id, List<HistoryEntry.Point> points) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO figure (run_id, position, workload, "
                + "case_label, metric, value, unit, higher_is_better) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < points.size(); i++) {
                HistoryEntry.Point p = points.get(i);
                s.setString(1, id);
                s.setInt(2, i);
                s.setString(3, p.workload());
                s.setString(4, p.caseLabel());
                s.setString(5, p.metric());
                s.setDouble(6, p.value());
                s.setString(7, p.unit());
                s.setBoolean(8, p.higherIsBetter());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public HistoryStore.Contents history() throws IOException {
        try {
            return inTransaction(this::readHistory);
        } catch (SQLException e) {
            throw PostgresConnections.failure(location, "the history could not be read", e);
        }
    }

    /**
     * One statement, so one snapshot: a run committed meanwhile is either there with all its figures or not at all.
     * Oldest first by the time each run started (trends read the list as time), then in the order added.
     */
    private HistoryStore.Contents readHistory() throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT r.run_id, r.schema_version, r.source, "
                + "r.started_at, r.git_commit, r.suite, r.fingerprint, r.machine, r.verdict, f.workload, f.case_label, "
                + "f.metric, f.value, f.unit, f.higher_is_better FROM run r LEFT JOIN figure f ON f.run_id = r.run_id "
                + "ORDER BY r.started_at, r.seq, f.position");
             ResultSet r = s.executeQuery()) {
            HistoryEntry current = null;
            List<HistoryEntry.Point> points = new ArrayList<>();
            while (r.next()) {
                String id = r.getString(1);
                if (current == null || !current.runId().equals(id)) {
                    finish(current, points, entries, skipped);
                    current = new HistoryEntry(r.getInt(2), r.getString(3), id, r.getTimestamp(4).toInstant(),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), List.of());
                    points = new ArrayList<>();
                }
                if (r.getString(10) != null) { // a run without figures has one row of nulls
                    points.add(new HistoryEntry.Point(r.getString(10), r.getString(11), r.getString(12),
                            r.getDouble(13), r.getString(14), r.getBoolean(15)));
                }
            }
            finish(current, points, entries, skipped);
        }
        return new HistoryStore.Contents(List.copyOf(entries), List.copyOf(skipped));
    }

    /** A run read back, with its figures, checked as a file's line is (a row edited by hand is skipped, named). */
    private static void finish(HistoryEntry run, List<HistoryEntry.Point> points, List<HistoryEntry> entries,
                               List<String> skipped) {
        if (run == null) {
            return;
        }
        HistoryEntry e = new HistoryEntry(run.schemaVersion(), run.source(), run.runId(), run.time(), run.commit(),
                run.suite(), run.fingerprint(), run.machine(), run.verdict(), points);
        try {
            entries.add(HistoryValidation.check(e));
        } catch (InvalidFieldException ex) {
            skipped.add("run " + run.runId());
        }
    }

    @Override
    public StoredRun run(String runId) throws IOException {
        String text = null;
        String artifacts = null;
        boolean found = false;
        try (PreparedStatement s = live().prepareStatement("SELECT report, artifacts FROM run WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    found = true;
                    text = r.getString(1);
                    artifacts = r.getString(2);
                }
            }
        } catch (SQLException e) {
            throw PostgresConnections.failure(location, "the run " + runId + " could not be read", e);
        }
        if (!found) {
            return null;
        }
        if (text == null) { // imported from a history file: figures, no report
            return new StoredRun(null, artifacts != null ? Path.of(artifacts) : null);
        }
        RunReport report = ReportFile.read(text.getBytes(StandardCharsets.UTF_8), Path.of(location, "run", runId));
        // another machine's folder is only a name here: a comparison finds no stacks in it and goes without
        return new StoredRun(report, artifacts != null ? Path.of(artifacts) : null);
    }

    @Override
    public Path saveBaseline(String name, Path runFolder, RunReport report, String commit) throws IOException {
        BaselineStore.checkName(name);
        Path stacks;
        try {
            stacks = localBaselines.save(name, runFolder, report, commit); // the stacks stay on this disk
        } catch (ResultWriteException e) {
            throw e;
        } catch (IOException e) {
            throw new ResultWriteException(localBaselines.folder(name), e);
        }
        String reportJson = json.writeValueAsString(report);
        try {
            inTransaction(() -> {
                try (PreparedStatement s = connection.prepareStatement("INSERT INTO baseline (name, saved_at, "
                        + "run_id, run_folder, git_commit, report, stacks_folder, saved_on) "
                        + "VALUES (?, now(), ?, ?, ?, ?::json, ?, ?) "
                        + "ON CONFLICT (name) DO UPDATE SET saved_at = now(), run_id = EXCLUDED.run_id, "
                        + "run_folder = EXCLUDED.run_folder, git_commit = EXCLUDED.git_commit, "
                        + "report = EXCLUDED.report, stacks_folder = EXCLUDED.stacks_folder, "
                        + "saved_on = EXCLUDED.saved_on")) {
                    s.setString(1, name);
                    s.setString(2, report.runId());
                    s.setString(3, runFolder.toAbsolutePath().toString());
                    if (commit == null) {
                        s.setNull(4, Types.VARCHAR);
                    } else {
                        s.setString(4, commit);
                    }
                    s.setString(5, reportJson);
                    s.setString(6, stacks.toAbsolutePath().toString());
                    s.setString(7, host);
                    s.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw PostgresConnections.failure(location, "baseline " + name + " was not saved", e);
        }
        return stacks;
    }

    @Override
    public boolean hasBaseline(String name) throws IOException {
        return baselineNames().contains(name);
    }

    @Override
    public List<String> baselineNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = live().prepareStatement("SELECT name FROM baseline ORDER BY name");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw PostgresConnections.failure(location, "the baselines could not be listed", e);
        }
        return names;
    }

    @Override
    public ComparisonFiles.Compared baseline(String name) throws IOException {
        String text;
        String stacks;
        try (PreparedStatement s = live().prepareStatement(
                "SELECT report, stacks_folder, saved_on FROM baseline WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IOException("no baseline " + name + " in " + location);
                }
                text = r.getString(1);
                // another machine's folder may have the same path here (identical CI runners) and other stacks
                stacks = host.equals(r.getString(3)) ? r.getString(2) : null;
            }
        } catch (SQLException e) {
            throw PostgresConnections.failure(location, "baseline " + name + " could not be read", e);
        }
        RunReport report = ReportFile.read(text.getBytes(StandardCharsets.UTF_8), Path.of(location, "baseline", name));
        // saved elsewhere: no stacks here, and the comparison goes without their differences
        Path folder = stacks != null ? Path.of(stacks) : Path.of("/nonexistent", "baseline-of-another-machine", name);
        return new ComparisonFiles.Compared("baseline " + name, report, folder);
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * One transaction: committed when {@code work} returns, rolled back when it throws anything (an Error too: the
     * driver commits an open transaction when auto-commit is turned back on, so nothing may be left open).
     */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        Connection c = live();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (Throwable e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                // a connection that died: live() opens a new one next time; the work's own outcome stands
            }
        }
    }

    /** The connection, opened again when the server or the network dropped it. */
    private Connection live() throws SQLException {
        if (!connection.isValid(10)) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it was already gone
            }
            connection = connector.connect();
        }
        return connection;
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
