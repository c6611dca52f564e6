package io.flightdeck.child.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A result file that could not be written (a full disk, a read-only folder, a file where a folder should be). Its
 * message is one line that names the file, because "No space left on device" alone does not say where: the command
 * line reports it as an error the user can fix, not as Flightdeck's own failure.
 */
public final class ResultWriteException extends IOException {

    private final Path file;
    private final String message;

    public ResultWriteException(Path file, IOException cause) {
        super("cannot write " + file, cause);
        this.file = file;
        this.message = "cannot write " + file + ": " + reason(cause);
    }

    @Override
    public String getMessage() {
        return message;
    }

    public Path file() {
        return file;
    }

    /** The cause without the path a {@link FileSystemException} repeats, so the line names one file, the right one. */
    private String reason(IOException e) {
        if (e instanceof ResultWriteException r && r.getCause() instanceof IOException inner) {
            return reason(inner);
        }
        if (e instanceof FileSystemException f) {
            String what = f.getReason() != null ? f.getReason() : describe(f);
            return f.getFile() == null || f.getFile().equals(file.toString()) ? what : what + " (" + f.getFile() + ")";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }

    /** Java leaves the reason out of these; their type says it. */
    private static String describe(FileSystemException f) {
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "something of that name is in the way";
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "a folder is in the way";
        }
        return f.getClass().getSimpleName();
    }
}
