package io.flightdeck.harness.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A lock on a lock file that holds between processes and between threads of one process alike. The operating
 * system's file locks belong to the whole process, so Java refuses a second lock on the same file from the same JVM
 * ({@link java.nio.channels.OverlappingFileLockException}); two commands run in one JVM (tests, an IDE, a build
 * plugin) first take turns on a lock of this JVM's own, then on the file. Neither is reentrant: a second claim from
 * the same thread is refused like any other.
 */
public final class ExclusiveLock implements AutoCloseable {

    private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Semaphore local;
    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveLock(Semaphore local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock; the lock file is created when missing and left in place (deleting it would race). */
    public static ExclusiveLock acquire(Path lockFile) throws IOException {
        Semaphore local = localLock(lockFile);
        local.acquireUninterruptibly();
        return onFile(lockFile, local, true);
    }

    /** The lock, or null at once when another thread or process holds it. */
    public static ExclusiveLock tryAcquire(Path lockFile) throws IOException {
        Semaphore local = localLock(lockFile);
        if (!local.tryAcquire()) {
            return null;
        }
        return onFile(lockFile, local, false);
    }

    /**
     * Keyed on the file itself, not on the name it was given: the same lock file reached through a symbolic link
     * (a linked home, a folder named two ways) is one lock, as it is to the operating system.
     */
    private static Semaphore localLock(Path lockFile) throws IOException {
        try {
            Files.createFile(lockFile);
        } catch (FileAlreadyExistsException e) {
            // the usual case: made by an earlier claim
        }
        return IN_THIS_JVM.computeIfAbsent(lockFile.toRealPath(), p -> new Semaphore(1));
    }

    private static ExclusiveLock onFile(Path lockFile, Semaphore local, boolean wait) throws IOException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = wait ? channel.lock() : channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // held in this JVM under a name the semaphore does not know (a hard link): in use, as for another process
                if (wait) {
                    throw new IOException(lockFile + " is in use by this process", e);
                }
                lock = null;
            }
            if (lock == null) {
                channel.close();
                local.release();
                return null;
            }
            return new ExclusiveLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.release();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.release();
        }
    }
}
