package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.Pattern;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A read-only connection and its prepared statements; used by one thread at a time (see {@link ReadPool}).
 * In WAL mode readers never block the writer nor each other; each use runs in one read transaction, so an
 * episode and its steps come from the same snapshot.
 */
final class ReadConnection implements AutoCloseable {

    private final Connection connection;
    private final JsonCodec json;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final PreparedStatement episodeById;
    private final PreparedStatement stepsOf;
    private final PreparedStatement episodesWithStatus;
    private final PreparedStatement countWithStatus;
    private final PreparedStatement patterns;
    private final PreparedStatement heuristics;

    ReadConnection(Connection connection, JsonCodec json) throws SQLException {
        this.connection = connection;
        this.json = json;
        begin = connection.prepareStatement("BEGIN");
        commit = connection.prepareStatement("COMMIT");
        rollback = connection.prepareStatement("ROLLBACK");
        episodeById = connection.prepareStatement("SELECT " + EpisodeRow.SELECT_COLUMNS + " FROM episodes WHERE id = ?");
        stepsOf = connection.prepareStatement("SELECT step FROM steps WHERE episode_id = ? ORDER BY seq");
        // episodes_by_status holds (status, end_ms, end_ns, rowid): rows come in completion order with no sort.
        episodesWithStatus = connection.prepareStatement("SELECT " + EpisodeRow.SELECT_COLUMNS
                + " FROM episodes WHERE status = ? ORDER BY end_ms, end_ns, rowid");
        countWithStatus = connection.prepareStatement("SELECT count(*) FROM episodes WHERE status = ?");
        patterns = connection.prepareStatement("SELECT json FROM patterns ORDER BY rowid");
        heuristics = connection.prepareStatement("SELECT json FROM heuristics ORDER BY rowid");
    }

    void begin() throws SQLException {
        begin.execute();
    }

    void commit() throws SQLException {
        commit.execute();
    }

    void rollbackQuietly() {
        try {
            rollback.execute();
        } catch (SQLException ignored) {
            // no transaction open: nothing to end
        }
    }

    Optional<Episode> findEpisode(UUID id) throws SQLException {
        String key = id.toString();
        episodeById.setString(1, key);
        try (ResultSet rs = episodeById.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(EpisodeRow.decode(rs, json, steps(key)));
        }
    }

    /** Streams rows to {@code action} without holding them all; the action runs inside the read transaction. */
    void forEachWithStatus(String status, Consumer<Episode> action) throws SQLException {
        episodesWithStatus.setString(1, status);
        try (ResultSet rs = episodesWithStatus.executeQuery()) {
            while (rs.next()) {
                action.accept(EpisodeRow.decode(rs, json, List.of()));
            }
        }
    }

    List<Episode> inProgressWithSteps() throws SQLException {
        List<Episode> withoutSteps = new ArrayList<>();
        forEachWithStatus(EpisodeRow.IN_PROGRESS, withoutSteps::add);
        List<Episode> result = new ArrayList<>(withoutSteps.size());
        for (Episode e : withoutSteps) {
            result.add(e.withSteps(steps(e.id().toString())));
        }
        return result;
    }

    long countWithStatus(String status) throws SQLException {
        countWithStatus.setString(1, status);
        try (ResultSet rs = countWithStatus.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<Pattern> patterns() throws SQLException {
        List<Pattern> result = new ArrayList<>();
        try (ResultSet rs = patterns.executeQuery()) {
            while (rs.next()) {
                result.add(json.readPattern(rs.getString(1)));
            }
        }
        return result;
    }

    List<Heuristic> heuristics() throws SQLException {
        List<Heuristic> result = new ArrayList<>();
        try (ResultSet rs = heuristics.executeQuery()) {
            while (rs.next()) {
                result.add(json.readHeuristic(rs.getString(1)));
            }
        }
        return result;
    }

    private List<ExecutionStep> steps(String episodeId) throws SQLException {
        stepsOf.setString(1, episodeId);
        List<ExecutionStep> steps = new ArrayList<>();
        try (ResultSet rs = stepsOf.executeQuery()) {
            while (rs.next()) {
                steps.add(json.readStep(rs.getString(1)));
            }
        }
        return steps;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
