package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.error.UnknownEpisodeException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The store's only write connection and its prepared statements. Not thread-safe: the {@link GroupCommitWriter}
 * lets one thread at a time use it. Transactions are begun and ended explicitly by the writer, so several
 * callers' writes can share one commit.
 *
 * <p>Every write method that can throw {@link UnknownEpisodeException} does so before it has written anything,
 * so the rest of a shared transaction can still commit.
 */
final class WriteConnection implements AutoCloseable {

    /**
     * A pattern or heuristic, encoded: {@code kind} is null for heuristics; {@code weight} is a pattern's occurrences
     * or a heuristic's sample size.
     */
    record LibraryRow(String id, String kind, long weight, String json) {
    }

    private final Connection connection;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final PreparedStatement upsertEpisode;
    private final PreparedStatement updateEpisode;
    private final PreparedStatement episodeExists;
    private final PreparedStatement deleteStepsFrom;
    private final PreparedStatement upsertStep;
    private final PreparedStatement deleteEpisode;
    private final PreparedStatement upsertPattern;
    private final PreparedStatement upsertHeuristic;

    WriteConnection(Connection connection) throws SQLException {
        this.connection = connection;
        // IMMEDIATE takes the write lock up front: no deadlock-prone upgrade from a read lock if another process
        // writes the same file.
        begin = connection.prepareStatement("BEGIN IMMEDIATE");
        commit = connection.prepareStatement("COMMIT");
        rollback = connection.prepareStatement("ROLLBACK");
        upsertEpisode = connection.prepareStatement("INSERT INTO episodes (" + EpisodeRow.SELECT_COLUMNS + ") VALUES ("
                + "?, ".repeat(EpisodeRow.DATA_COLUMN_COUNT) + "?) ON CONFLICT (id) DO UPDATE SET "
                + assignments("excluded."));
        updateEpisode = connection.prepareStatement("UPDATE episodes SET " + assignments(null) + " WHERE id = ?");
        episodeExists = connection.prepareStatement("SELECT 1 FROM episodes WHERE id = ?");
        deleteStepsFrom = connection.prepareStatement("DELETE FROM steps WHERE episode_id = ? AND seq >= ?");
        upsertStep = connection.prepareStatement("INSERT INTO steps (episode_id, seq, step) VALUES (?, ?, ?) "
                + "ON CONFLICT (episode_id, seq) DO UPDATE SET step = excluded.step");
        deleteEpisode = connection.prepareStatement("DELETE FROM episodes WHERE id = ?"); // steps go by ON DELETE CASCADE
        // Monotonic: a state that has seen less than the stored one (a racing completion that committed late) loses.
        upsertPattern = connection.prepareStatement("INSERT INTO patterns (id, kind, weight, json) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, weight = excluded.weight, json = excluded.json "
                + "WHERE excluded.weight >= patterns.weight");
        upsertHeuristic = connection.prepareStatement("INSERT INTO heuristics (id, weight, json) VALUES (?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET weight = excluded.weight, json = excluded.json "
                + "WHERE excluded.weight >= heuristics.weight");
    }

    /** {@code col = ?, ...} for an UPDATE, or {@code col = excluded.col, ...} for an upsert. */
    private static String assignments(String excludedPrefix) {
        StringBuilder sb = new StringBuilder();
        for (String column : EpisodeRow.DATA_COLUMNS.split(", ")) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(column).append(" = ").append(excludedPrefix == null ? "?" : excludedPrefix + column);
        }
        return sb.toString();
    }

    void begin() throws SQLException {
        begin.execute();
    }

    void commit() throws SQLException {
        commit.execute();
    }

    /** Rolls back if a transaction is open; SQLite may already have rolled back itself (disk full, I/O error). */
    void rollbackQuietly() {
        try {
            rollback.execute();
        } catch (SQLException ignored) {
            // "no transaction is active": nothing to undo
        }
    }

    /** A (re)started episode: its row, and no steps (a restarted id drops the steps it had). */
    void insertStarted(EpisodeRow row) throws SQLException {
        upsertEpisode.setString(1, row.id());
        row.bindData(upsertEpisode, 2);
        upsertEpisode.executeUpdate();
        deleteSteps(row.id(), 0);
    }

    /** Steps at {@code firstIndex, firstIndex + 1, ...}; stored steps after them are dropped, like a retried flush. */
    void appendSteps(UUID episodeId, int firstIndex, List<String> steps) throws SQLException {
        String id = episodeId.toString();
        if (!exists(id)) {
            throw new UnknownEpisodeException(episodeId);
        }
        deleteSteps(id, firstIndex + steps.size());
        upsertSteps(id, firstIndex, steps);
    }

    /**
     * The completed row, the unsaved steps and the touched library entries.
     *
     * @param keepSteps stored steps at positions {@code >= keepSteps} are dropped before the new ones are written
     */
    void complete(UUID episodeId, EpisodeRow row, int firstUnsaved, List<String> newSteps, int keepSteps,
                  List<LibraryRow> patterns, List<LibraryRow> heuristics) throws SQLException {
        row.bindData(updateEpisode, 1);
        updateEpisode.setString(EpisodeRow.DATA_COLUMN_COUNT + 1, row.id());
        if (updateEpisode.executeUpdate() == 0) {
            throw new UnknownEpisodeException(episodeId);
        }
        deleteSteps(row.id(), keepSteps);
        upsertSteps(row.id(), firstUnsaved, newSteps);
        for (LibraryRow p : patterns) {
            upsertPattern.setString(1, p.id());
            upsertPattern.setString(2, p.kind());
            upsertPattern.setLong(3, p.weight());
            upsertPattern.setString(4, p.json());
            upsertPattern.addBatch();
        }
        if (!patterns.isEmpty()) {
            upsertPattern.executeBatch();
        }
        for (LibraryRow h : heuristics) {
            upsertHeuristic.setString(1, h.id());
            upsertHeuristic.setLong(2, h.weight());
            upsertHeuristic.setString(3, h.json());
            upsertHeuristic.addBatch();
        }
        if (!heuristics.isEmpty()) {
            upsertHeuristic.executeBatch();
        }
    }

    void deleteEpisodes(List<String> ids) throws SQLException {
        for (String id : ids) {
            deleteEpisode.setString(1, id);
            deleteEpisode.addBatch();
        }
        if (!ids.isEmpty()) {
            deleteEpisode.executeBatch();
        }
    }

    private boolean exists(String id) throws SQLException {
        episodeExists.setString(1, id);
        try (ResultSet rs = episodeExists.executeQuery()) {
            return rs.next();
        }
    }

    private void deleteSteps(String id, int fromSeq) throws SQLException {
        deleteStepsFrom.setString(1, id);
        deleteStepsFrom.setInt(2, fromSeq);
        deleteStepsFrom.executeUpdate();
    }

    private void upsertSteps(String id, int firstSeq, List<String> steps) throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            upsertStep.setString(1, id);
            upsertStep.setInt(2, firstSeq + i);
            upsertStep.setString(3, steps.get(i));
            upsertStep.addBatch();
        }
        upsertStep.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        connection.close(); // also closes the statements; the last connection checkpoints the WAL
    }
}
