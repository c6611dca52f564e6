package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.error.InvalidConfigException;

import java.time.Duration;

/**
 * How a {@link SqliteEpisodeStore} opens its file.
 *
 * @param durability     what a returned write survives; see {@link Durability}
 * @param busyTimeout    how long a write waits for another process that holds the file's write lock
 * @param verifyOnOpen   run SQLite's {@code PRAGMA quick_check} at open, so damage anywhere in the file is reported
 *                       by {@code open()} rather than by a later read; it reads the whole file (0.6 s for a
 *                       380 MB store of 20,000 episodes on the build machine), hence opt-in. Without it, {@code open()} still rejects files that are not SQLite,
 *                       truncated files, damaged schemas and foreign databases.
 */
public record SqliteOptions(Durability durability, Duration busyTimeout, boolean verifyOnOpen) {

    public static final SqliteOptions DEFAULT = new SqliteOptions(Durability.NORMAL, Duration.ofSeconds(5), false);

    /** What a write survives once the method that made it returned. */
    public enum Durability {
        /**
         * Survives the death of the process (kill -9, a crash): the transaction is in the WAL file, which is in the
         * operating system's cache. A power loss or kernel crash may lose the last transactions, never corrupt the
         * file. SQLite's {@code synchronous=NORMAL} in WAL mode; the {@link io.flightdeck.memory.storage.EpisodeStore}
         * contract asks for this much.
         */
        NORMAL,
        /** Also survives a power loss: every commit is fsync'ed ({@code synchronous=FULL}); much slower per commit. */
        FULL
    }

    public SqliteOptions {
        if (durability == null) {
            throw new InvalidConfigException("durability must be given");
        }
        if (busyTimeout == null) {
            throw new InvalidConfigException("busyTimeout must be given");
        }
        if (busyTimeout.isNegative() || busyTimeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new InvalidConfigException("busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms, was "
                    + busyTimeout);
        }
    }

    public SqliteOptions withDurability(Durability newDurability) {
        return new SqliteOptions(newDurability, busyTimeout, verifyOnOpen);
    }

    public SqliteOptions withVerifyOnOpen(boolean verify) {
        return new SqliteOptions(durability, busyTimeout, verify);
    }
}
