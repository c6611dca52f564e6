package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.error.StorageException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read connections for any number of threads. A thread borrows an idle connection or, if none is idle, opens a
 * new one; it never waits for another reader, so a reader that calls back into the store (e.g. from a
 * {@code forEachCompleted} action) cannot deadlock. At most {@code maxIdle} connections are kept open between uses.
 */
final class ReadPool {

    /** What a borrowed connection is used for; it runs inside one read transaction. */
    @FunctionalInterface
    interface Read<T> {
        T from(ReadConnection connection) throws SQLException;
    }

    /** Opens a read connection; see {@link SqliteEpisodeStore}. */
    @FunctionalInterface
    interface Opener {
        ReadConnection open() throws SQLException;
    }

    private final Opener opener;
    private final Path file;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<ReadConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    ReadPool(Opener opener, Path file, int maxIdle) {
        this.opener = opener;
        this.file = file;
        this.maxIdle = maxIdle;
    }

    /** @param verb with {@code subject}, what the read does, for error messages: "read episode", id */
    <T> T read(String verb, Object subject, Read<T> read) {
        ReadConnection c = borrow(verb, subject);
        try {
            c.begin();
            T result = read.from(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            c.rollbackQuietly();
            throw SqliteFailures.translate(file, verb + " " + subject, e);
        } catch (RuntimeException | Error e) {
            c.rollbackQuietly();
            throw e;
        } finally {
            giveBack(c);
        }
    }

    /** Closes the idle connections; connections in use are closed when they come back. */
    void close() {
        closed = true;
        ReadConnection c;
        while ((c = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            closeQuietly(c);
        }
    }

    private ReadConnection borrow(String verb, Object subject) {
        if (closed) {
            throw new StorageException("store is closed: " + file);
        }
        ReadConnection c = idle.pollFirst(); // most recently used first: its page cache is warm
        if (c != null) {
            idleCount.decrementAndGet();
            return c;
        }
        try {
            return opener.open();
        } catch (SQLException e) {
            throw SqliteFailures.translate(file, verb + " " + subject, e);
        }
    }

    private void giveBack(ReadConnection c) {
        if (closed) {
            closeQuietly(c);
            return;
        }
        if (idleCount.incrementAndGet() > maxIdle) {
            idleCount.decrementAndGet();
            closeQuietly(c);
            return;
        }
        idle.addFirst(c);
        if (closed && idle.remove(c)) { // close() ran meanwhile and may have missed it
            idleCount.decrementAndGet();
            closeQuietly(c);
        }
    }

    private static void closeQuietly(ReadConnection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a read-only connection loses nothing
        }
    }
}
