package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.error.StorageException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tables of a store, and the checks that tell a Flightdeck store from anything else before it is used.
 *
 * <p>Instants are kept as epoch milliseconds (readable, sortable) plus the nanoseconds within that millisecond:
 * the engine's clock has sub-millisecond precision, and a reopened store must give back equal episodes.
 */
final class Schema {

    /** Bump on every change to the tables, and teach {@link #prepare} to migrate the previous version. */
    static final int VERSION = 1;

    static final List<String> TABLES = List.of("schema_version", "episodes", "steps", "patterns", "heuristics");

    private static final List<String> CREATE = List.of(
            "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            "INSERT INTO schema_version (version) VALUES (" + VERSION + ")",
            """
            CREATE TABLE episodes (
                id          TEXT PRIMARY KEY,
                task_type   TEXT NOT NULL,
                description TEXT NOT NULL,
                context     TEXT NOT NULL,
                start_ms    INTEGER NOT NULL,
                start_ns    INTEGER NOT NULL,
                end_ms      INTEGER,
                end_ns      INTEGER,
                status      TEXT NOT NULL CHECK (status IN ('in_progress', 'completed')),
                outcome     TEXT,
                reward      TEXT,
                reflection  TEXT,
                pattern_ids TEXT NOT NULL,
                metadata    TEXT NOT NULL
            )""",
            // Covers countCompleted, and lists completed episodes in completion order without a sort: the order the
            // retrieval index was built in before the store was closed (its newest-postings-first cut depends on it).
            "CREATE INDEX episodes_by_status ON episodes (status, end_ms, end_ns)",
            // A rowid table on purpose: rows append at the end and only the small primary-key index takes random
            // inserts (episode ids are random); WITHOUT ROWID measured ~20 % slower for ~300-byte steps.
            """
            CREATE TABLE steps (
                episode_id TEXT NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
                seq        INTEGER NOT NULL,
                step       TEXT NOT NULL,
                PRIMARY KEY (episode_id, seq)
            )""",
            // weight: a pattern's occurrences, a heuristic's sample size. Completions race; an upsert only replaces a
            // row with a state that has seen at least as much, so the last commit never rolls the library back.
            "CREATE TABLE patterns (id TEXT PRIMARY KEY, kind TEXT NOT NULL, weight INTEGER NOT NULL, json TEXT NOT NULL)",
            "CREATE TABLE heuristics (id TEXT PRIMARY KEY, weight INTEGER NOT NULL, json TEXT NOT NULL)");

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;

    private Schema() {
    }

    /**
     * Rejects, before SQLite sees it, a file that is not SQLite or was cut short. SQLite itself would open a
     * truncated file and fail only when a query reaches a missing page.
     */
    static void checkFileHeader(Path file) {
        long size;
        byte[] header = new byte[HEADER_SIZE];
        int read;
        try {
            if (!Files.exists(file) || (size = Files.size(file)) == 0) {
                return; // a new store
            }
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(header, 0, HEADER_SIZE);
            }
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read < HEADER_SIZE || !Arrays.equals(header, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
            throw new StorageException(file + " is not a SQLite database (file is corrupt or encrypted; "
                    + (read < HEADER_SIZE ? "it is only " + size + " bytes long)" : "it does not start with the SQLite header)"));
        }
        ByteBuffer h = ByteBuffer.wrap(header); // big-endian, as SQLite writes it
        int rawPageSize = Short.toUnsignedInt(h.getShort(16));
        long pageSize = rawPageSize == 1 ? 65_536 : rawPageSize;
        long pageCount = Integer.toUnsignedLong(h.getInt(28));
        // The in-header page count is valid only when the change counter matches "version-valid-for".
        boolean countValid = h.getInt(24) == h.getInt(92) && pageCount > 0;
        // A WAL file may still hold pages of an interrupted checkpoint; SQLite completes the file from it.
        if (countValid && size < pageCount * pageSize && !hasWal(file)) {
            throw new StorageException(file + " is truncated: its header says " + pageCount + " pages of " + pageSize
                    + " bytes (" + pageCount * pageSize + " bytes) but the file has " + size
                    + " bytes; restore it from a backup");
        }
    }

    private static boolean hasWal(Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true; // cannot tell: let SQLite decide
        }
    }

    /** Creates the tables in an empty database, or checks that an existing one is a store this code can read. */
    static void prepare(Connection c, Path file) throws SQLException {
        List<String> tables = tables(c);
        if (tables.isEmpty()) {
            if (createIfStillEmpty(c)) {
                return;
            }
            tables = tables(c); // another process created the store meanwhile
        }
        if (!tables.contains("schema_version")) {
            throw new StorageException(file + " is not a Flightdeck memory store (no schema_version table; it has tables: "
                    + String.join(", ", tables) + ")");
        }
        int version = version(c, file);
        if (version > VERSION) {
            throw new StorageException(file + " was written by a newer Flightdeck (store schema version " + version
                    + "; this version reads up to " + VERSION + "); upgrade Flightdeck or open another file");
        }
        if (version < 1) {
            throw new StorageException(file + " has an invalid store schema version " + version);
        }
        List<String> present = tables;
        List<String> missing = TABLES.stream().filter(t -> !present.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new StorageException(file + " is a damaged Flightdeck memory store (schema version " + version
                    + ", but table" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing)");
        }
    }

    /** Runs SQLite's structural check of every page; see {@link SqliteOptions#verifyOnOpen()}. */
    static void verify(Connection c, Path file) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(5)")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        if (!(problems.size() == 1 && problems.get(0).equals("ok"))) {
            throw new StorageException(file + " is a corrupt SQLite database (quick_check: "
                    + String.join("; ", problems) + "); restore it from a backup");
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static int version(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(version), count(*) FROM schema_version")) {
            rs.next();
            if (rs.getInt(2) != 1) {
                throw new StorageException(file + " is a damaged Flightdeck memory store (schema_version must hold "
                        + "exactly one row, it holds " + rs.getInt(2) + ")");
            }
            return rs.getInt(1);
        }
    }

    /** Creates the tables unless another process got there first (checked under the write lock). */
    private static boolean createIfStillEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                boolean empty = tables(c).isEmpty();
                if (empty) {
                    for (String sql : CREATE) {
                        s.execute(sql);
                    }
                }
                s.execute("COMMIT");
                return empty;
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }
}
