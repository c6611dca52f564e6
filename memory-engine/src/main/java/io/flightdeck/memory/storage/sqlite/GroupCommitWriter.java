package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.error.StorageException;
import io.flightdeck.memory.error.UnknownEpisodeException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises writes onto the one {@link WriteConnection} and commits concurrent writes together.
 *
 * <p>Two paths, chosen per write:
 * <ul>
 *   <li><b>Uncontended</b>: if no write is queued and the connection is free, the caller runs its write in its
 *       own transaction on its own thread. A hand-off to another thread would only add two wake-ups (about
 *       10 µs, a quarter of a small write).</li>
 *   <li><b>Contended</b>: otherwise the caller queues the write and parks. A dedicated writer thread takes
 *       everything queued, runs it in one transaction, commits once (with {@code FULL} durability: one fsync)
 *       and wakes the callers. Callers meanwhile encode their next writes' JSON on their own cores.</li>
 * </ul>
 * Either way a write returns only after the commit that contains it, so durability on return holds.
 *
 * <p>One write failing must not fail the writes that shared its transaction: an unknown episode is detected
 * before anything is written and only that write fails; any other error rolls the group back and the writes
 * are redone one transaction each, so only the guilty one fails. Failures reach the caller as exceptions
 * thrown on the caller's own thread.
 */
final class GroupCommitWriter {

    /** One caller's write, run by whichever thread holds the connection. */
    @FunctionalInterface
    interface Write {
        void applyTo(WriteConnection connection) throws SQLException;
    }

    private static final class Pending {
        final String verb;
        final Object subject;
        final Write write;
        final Thread caller = Thread.currentThread();
        volatile boolean done;
        RuntimeException failure; // written before done is set, read after: ordered by the volatile

        Pending(String verb, Object subject, Write write) {
            this.verb = verb;
            this.subject = subject;
            this.write = write;
        }

        /** Built only for an error message: the hot path does not pay for the string. */
        String what() {
            return verb + " " + subject;
        }

        void finish() {
            done = true;
            LockSupport.unpark(caller);
        }

        /**
         * Uninterruptible: once queued, the write may be committed at any moment, so giving up would lie to the
         * caller about whether it happened. The interrupt status is kept.
         */
        void awaitDone() {
            boolean interrupted = false;
            while (!done) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final WriteConnection connection;
    private final Path file;
    private final int maxGroupSize;
    private final Runnable afterCommit;
    /** Held by whoever uses the connection: the writer thread for a group, or a caller on the uncontended path. */
    private final ReentrantLock connectionLock = new ReentrantLock();
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition queued = queueLock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** The writer thread holds a group: callers queue behind it rather than barge onto the connection first. */
    private boolean writerBusy;
    private final Thread writerThread;
    private volatile boolean closed;

    /**
     * @param maxGroupSize most writes in one transaction; 1 makes every write its own transaction
     * @param afterCommit  run after each successful commit, by the thread that committed
     */
    GroupCommitWriter(WriteConnection connection, Path file, int maxGroupSize, Runnable afterCommit) {
        this.connection = connection;
        this.file = file;
        this.maxGroupSize = maxGroupSize;
        this.afterCommit = afterCommit;
        this.writerThread = new Thread(this::writeQueuedGroups, "sqlite-writer " + file.getFileName());
        writerThread.setDaemon(true); // never keeps a JVM alive; close() is what drains the queue
        writerThread.start();
    }

    /**
     * Runs {@code write} in a committed transaction, possibly shared with other callers' writes.
     *
     * @param verb with {@code subject}, what the write does, for error messages: "complete episode", id
     */
    void execute(String verb, Object subject, Write write) {
        ensureOpen();
        Pending me = new Pending(verb, subject, write);
        if (writerIdle() && connectionLock.tryLock()) {
            try {
                ensureOpen(); // close() sets the flag before it waits for this lock
                runAlone(me);
            } finally {
                connectionLock.unlock();
            }
        } else {
            enqueue(me);
            me.awaitDone();
        }
        rethrow(me);
    }

    /** Lets the writer thread finish every queued write, waits for a caller's write in progress, then refuses more. */
    void close() {
        queueLock.lock();
        try {
            closed = true;
            queued.signalAll();
        } finally {
            queueLock.unlock();
        }
        boolean interrupted = false;
        while (writerThread.isAlive()) {
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        connectionLock.lock(); // a caller on the uncontended path finishes first
        connectionLock.unlock();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("store is closed: " + file);
        }
    }

    private boolean writerIdle() {
        queueLock.lock();
        try {
            return queue.isEmpty() && !writerBusy;
        } finally {
            queueLock.unlock();
        }
    }

    private void enqueue(Pending p) {
        queueLock.lock();
        try {
            ensureOpen(); // checked under the lock: the writer thread exits only when closed and empty
            queue.addLast(p);
            queued.signal();
        } finally {
            queueLock.unlock();
        }
    }

    /** The writer thread: until closed and drained, take everything queued and commit it as one group. */
    private void writeQueuedGroups() {
        List<Pending> group = new ArrayList<>();
        while (takeGroup(group)) {
            connectionLock.lock();
            try {
                runGroup(group);
            } catch (RuntimeException | Error e) {
                for (Pending p : group) {
                    if (p.failure == null) {
                        p.failure = new StorageException("cannot " + p.what() + " in " + file + ": " + e, e);
                    }
                }
            } finally {
                connectionLock.unlock();
                for (Pending p : group) {
                    p.finish();
                }
                group.clear();
            }
        }
    }

    /** Waits for queued writes; false once the store is closed and nothing is left. */
    private boolean takeGroup(List<Pending> group) {
        queueLock.lock();
        try {
            writerBusy = false;
            while (queue.isEmpty()) {
                if (closed) {
                    return false;
                }
                queued.awaitUninterruptibly();
            }
            while (!queue.isEmpty() && group.size() < maxGroupSize) {
                group.add(queue.pollFirst());
            }
            writerBusy = true;
            return true;
        } finally {
            queueLock.unlock();
        }
    }

    private void runGroup(List<Pending> group) {
        if (group.size() == 1) {
            runAlone(group.get(0));
            return;
        }
        try {
            connection.begin();
            for (Pending p : group) {
                try {
                    p.write.applyTo(connection);
                } catch (UnknownEpisodeException e) {
                    p.failure = e; // raised before that write wrote anything: the others may still commit
                }
            }
            connection.commit();
            afterCommit.run();
        } catch (SQLException | RuntimeException e) {
            connection.rollbackQuietly();
            for (Pending p : group) {
                runAlone(p);
            }
        }
    }

    private void runAlone(Pending p) {
        p.failure = null;
        try {
            connection.begin();
            p.write.applyTo(connection);
            connection.commit();
            afterCommit.run();
        } catch (UnknownEpisodeException e) {
            connection.rollbackQuietly();
            p.failure = e;
        } catch (SQLException e) {
            connection.rollbackQuietly();
            p.failure = SqliteFailures.translate(file, p.what(), e);
        } catch (RuntimeException e) {
            connection.rollbackQuietly();
            p.failure = e instanceof StorageException ? e
                    : new StorageException("cannot " + p.what() + " in " + file + ": " + e, e);
        }
    }

    /**
     * Throws the write's failure on the caller's own thread: a fresh exception, so the stack trace shows the
     * caller, with the writer's exception as the cause.
     */
    private static void rethrow(Pending p) {
        RuntimeException f = p.failure;
        if (f == null) {
            return;
        }
        if (f instanceof UnknownEpisodeException u) {
            throw new UnknownEpisodeException(u.episodeId());
        }
        throw new StorageException(f.getMessage(), f);
    }
}
