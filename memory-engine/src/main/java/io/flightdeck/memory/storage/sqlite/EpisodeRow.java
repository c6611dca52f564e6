package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.TaskType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An episode as the values of its {@code episodes} row (steps live in their own table). Encoding happens on the
 * caller's thread, so the single writer only binds ready strings.
 */
record EpisodeRow(String id, String taskType, String description, String context, long startMs, int startNs,
                  Long endMs, Integer endNs, String status, String outcome, String reward, String reflection,
                  String patternIds, String metadata) {

    /** Every column but {@code id}, in the order {@link #bindData} binds them. */
    static final String DATA_COLUMNS = "task_type, description, context, start_ms, start_ns, end_ms, end_ns, status, "
            + "outcome, reward, reflection, pattern_ids, metadata";
    static final int DATA_COLUMN_COUNT = 13;
    /** {@code SELECT} list that {@link #decode} reads. */
    static final String SELECT_COLUMNS = "id, " + DATA_COLUMNS;

    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";

    static EpisodeRow encode(Episode e, JsonCodec json) {
        Instant end = e.endTime();
        return new EpisodeRow(e.id().toString(), e.taskType().name(), e.description(), json.write(e.context()),
                millis(e.startTime()), nanosWithinMilli(e.startTime()),
                end == null ? null : millis(end), end == null ? null : nanosWithinMilli(end),
                e.isComplete() ? COMPLETED : IN_PROGRESS, json.write(e.outcome()), json.write(e.reward()),
                json.write(e.reflection()), json.write(e.patternIds()), json.write(e.metadata()));
    }

    /** Binds the data columns to parameters {@code first .. first + DATA_COLUMN_COUNT - 1}. */
    void bindData(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        ps.setString(i++, taskType);
        ps.setString(i++, description);
        ps.setString(i++, context);
        ps.setLong(i++, startMs);
        ps.setInt(i++, startNs);
        setNullableLong(ps, i++, endMs);
        setNullableLong(ps, i++, endNs == null ? null : endNs.longValue());
        ps.setString(i++, status);
        ps.setString(i++, outcome);
        ps.setString(i++, reward);
        ps.setString(i++, reflection);
        ps.setString(i++, patternIds);
        ps.setString(i, metadata);
    }

    /** The episode in the current row of a result set selected with {@link #SELECT_COLUMNS}. */
    static Episode decode(ResultSet rs, JsonCodec json, List<ExecutionStep> steps) throws SQLException {
        Instant start = instant(rs.getLong(5), rs.getInt(6));
        long endMs = rs.getLong(7);
        Instant end = rs.wasNull() ? null : instant(endMs, rs.getInt(8));
        return new Episode(UUID.fromString(rs.getString(1)), TaskType.valueOf(rs.getString(2)), rs.getString(3),
                json.readContext(rs.getString(4)), start, end, steps, json.readOutcome(rs.getString(10)),
                json.readReward(rs.getString(11)), json.readReflection(rs.getString(12)),
                json.readUuidList(rs.getString(13)), json.readMetadata(rs.getString(14)));
    }

    private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    private static long millis(Instant t) {
        return t.toEpochMilli(); // floors, so the nanosecond remainder below is never negative
    }

    private static int nanosWithinMilli(Instant t) {
        return t.getNano() % 1_000_000;
    }

    private static Instant instant(long millis, int nanosWithinMilli) {
        return Instant.ofEpochMilli(millis).plusNanos(nanosWithinMilli);
    }
}
