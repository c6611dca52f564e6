package io.flightdeck.child.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deleting and moving whole folders, the one way every part of the harness does it. A folder deleted here may be
 * deleted by someone else at the same time (a concurrent save tidying leftovers, a child deleting its own scratch):
 * what is already gone counts as deleted. Symbolic links are deleted, never followed.
 */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes {@code dir} and all it holds; nothing there (or gone meanwhile) is no error. */
    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || Files.notExists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@link #deleteTree}, best effort: what cannot be deleted (a file held open elsewhere) is left. */
    public static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            // left behind: a later cleanup, or the user, may still remove it
        }
    }

    /** A rename in one step where the file system can, else a plain move (the same file system renames anyway). */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
