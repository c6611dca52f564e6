package io.flightdeck.memory.storage.sqlite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Copies the WAL back into the database file from a background thread, on its own connection.
 *
 * <p>By default SQLite checkpoints inside the commit that makes the WAL pass 1000 pages, so every few hundred
 * writes one unlucky caller waits for megabytes of copying and an fsync (10-20 ms here). A passive checkpoint
 * on another connection runs beside the writer instead: commits keep appending to the WAL meanwhile, and the
 * writer resets the WAL to its start once it has been copied. The writer keeps a high auto-checkpoint limit
 * as a backstop, so the WAL stays bounded even if this thread falls behind.
 */
final class Checkpointer implements AutoCloseable {

    /** The writer's own auto-checkpoint threshold, in pages, for when the background thread falls behind. */
    static final int WRITER_BACKSTOP_PAGES = 16_384;

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private static final long INTERVAL_MS = 50;

    private final Connection connection;
    private final PreparedStatement checkpoint;
    private final Path file;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService thread;

    Checkpointer(Connection connection, Path file) throws SQLException {
        this.connection = connection;
        this.checkpoint = connection.prepareStatement("PRAGMA wal_checkpoint(PASSIVE)");
        this.file = file;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sqlite-checkpoint " + file.getFileName());
            t.setDaemon(true); // never keeps a JVM alive; an unclosed store loses nothing (the WAL is durable)
            return t;
        });
        thread.scheduleWithFixedDelay(this::checkpointIfDirty, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** Called after each commit; cheap. */
    void committed() {
        if (!dirty.get()) {
            dirty.set(true);
        }
    }

    private void checkpointIfDirty() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try (ResultSet rs = checkpoint.executeQuery()) {
            rs.next(); // (busy, frames in WAL, frames copied); a partial copy is finished next time
        } catch (SQLException e) {
            // Not fatal: the writer's backstop checkpoint still bounds the WAL.
            LOG.warn("background checkpoint of {} failed: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("background checkpoint of {} did not stop within 30 s", file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the checkpoint connection of {} failed: {}", file, e.getMessage());
        }
    }
}
