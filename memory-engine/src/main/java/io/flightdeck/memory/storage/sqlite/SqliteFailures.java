package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.error.StorageException;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite's error codes into {@link StorageException}s that say what happened and what to do about it. */
final class SqliteFailures {

    // Primary result codes; extended codes (SQLITE_IOERR_FSYNC, ...) share the primary code's low byte.
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int NOTADB = 26;

    private SqliteFailures() {
    }

    /** @param doing what the store was doing, e.g. "complete episode 1234…" */
    static StorageException translate(Path file, String doing, SQLException e) {
        String m = e.getMessage();
        return new StorageException(switch (primaryCode(e)) {
            case NOTADB, CORRUPT -> "cannot " + doing + ": " + damaged(file, e);
            case FULL -> "cannot " + doing + " in " + file + ": the disk is full (" + m + ")";
            case READONLY -> "cannot " + doing + " in " + file + ": the file or its directory is read-only (" + m + ")";
            case BUSY, LOCKED -> "cannot " + doing + " in " + file + ": another process held the database lock "
                    + "longer than the busy timeout (" + m + ")";
            case IOERR -> "cannot " + doing + " in " + file + ": an I/O error occurred (" + m + ")";
            default -> "cannot " + doing + " in " + file + ": " + m;
        }, e);
    }

    /** A failure to open; a file that is not a sound SQLite database is named as the problem. */
    static StorageException openFailure(Path file, SQLException e) {
        return switch (primaryCode(e)) {
            case NOTADB, CORRUPT -> new StorageException(damaged(file, e), e);
            case CANTOPEN -> new StorageException("cannot open " + file + ": check that its directory exists and is "
                    + "writable (" + e.getMessage() + ")", e);
            default -> translate(file, "open", e);
        };
    }

    private static String damaged(Path file, SQLException e) {
        return primaryCode(e) == NOTADB
                ? file + " is not a SQLite database (file is corrupt or encrypted)"
                : file + " is a corrupt SQLite database (" + e.getMessage() + "); restore it from a backup";
    }

    private static int primaryCode(SQLException e) {
        return e instanceof SQLiteException se ? se.getResultCode().code & 0xff : -1;
    }
}
