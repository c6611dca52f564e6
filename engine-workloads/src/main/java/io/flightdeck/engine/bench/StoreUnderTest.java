package io.flightdeck.engine.bench;

import io.flightdeck.memory.MemoryConfig;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import io.flightdeck.memory.storage.sqlite.SqliteEpisodeStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * A memory engine on the store a benchmark's {@code @Param("store")} names, together with the files it owns, so
 * a teardown can close it and leave nothing behind. {@code "memory"} is the heap store; {@code "sqlite"} is a
 * SQLite file of its own in the temp directory (WAL mode: the -wal and -shm files are deleted with it).
 */
final class StoreUnderTest implements AutoCloseable {

    static final String MEMORY = "memory";
    static final String SQLITE = "sqlite";

    private final MemoryEngine engine;
    /** null for the heap store */
    private final Path file;

    private StoreUnderTest(MemoryEngine engine, Path file) {
        this.engine = engine;
        this.file = file;
    }

    /** A fresh, empty engine on the named store. */
    static StoreUnderTest fresh(String store) {
        return switch (Objects.requireNonNull(store, "store")) {
            case MEMORY -> new StoreUnderTest(MemoryEngine.open(new InMemoryEpisodeStore(), MemoryConfig.defaults()), null);
            case SQLITE -> {
                Path file = newTempFile();
                yield new StoreUnderTest(MemoryEngine.open(SqliteEpisodeStore.open(file), MemoryConfig.defaults()), file);
            }
            default -> throw new IllegalArgumentException("unknown store '" + store + "': use memory or sqlite");
        };
    }

    /**
     * An engine on a private copy of an existing SQLite database; the copy is deleted on close, the original is
     * never written. Opening rebuilds the retrieval index from the copy, as a restarted agent would.
     */
    static StoreUnderTest copyOf(Path database) {
        Path copy = newTempFile();
        try {
            Files.copy(database, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(copy);
            throw new UncheckedIOException("cannot copy " + database + " to " + copy, e);
        }
        return new StoreUnderTest(MemoryEngine.open(SqliteEpisodeStore.open(copy), MemoryConfig.defaults()), copy);
    }

    /** An engine on an engine the caller opened itself (e.g. an in-memory corpus); nothing to delete. */
    static StoreUnderTest of(MemoryEngine engine) {
        return new StoreUnderTest(engine, null);
    }

    MemoryEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            if (file != null) {
                deleteWithCompanions(file);
            }
        }
    }

    static Path newTempFile() {
        try {
            Path file = Files.createTempFile("flightdeck-bench-", ".db");
            Files.delete(file); // the store creates it; an empty file is not a database yet
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary database file", e);
        }
    }

    /** Deletes a SQLite file and the WAL-mode files next to it. */
    static void deleteWithCompanions(Path file) {
        deleteQuietly(file);
        deleteQuietly(file.resolveSibling(file.getFileName() + "-wal"));
        deleteQuietly(file.resolveSibling(file.getFileName() + "-shm"));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temp file must not fail a benchmark run; it is visible in the temp directory
            System.err.println("warning: could not delete " + p + ": " + e.getMessage());
        }
    }
}
