package io.flightdeck.child.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A file that appears whole or not at all: written next to its final name, flushed to disk, then moved over it,
 * so a run killed half-way never leaves half a report for a reader (or a CI job) to trust.
 */
public final class AtomicFile {

    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @throws ResultWriteException when the file system refuses (full, read-only, a folder in the way): its message
     *                              names the file
     */
    public static void write(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        try {
            writeOrFail(target, writer);
        } catch (JsonProcessingException | ResultWriteException e) {
            throw e; // a value that cannot be serialized is a bug, not the disk; a nested write already named its file
        } catch (IOException e) {
            throw new ResultWriteException(target, e);
        }
    }

    private static void writeOrFail(Path target, Writer writer) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            readableByAll(temp);
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                writer.writeTo(new NonClosingStream(out));
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the write's own outcome is what the caller needs; a temporary file left is hidden and harmless
            }
        }
    }

    /** Temporary files are private (0600); results are for everyone who may read the folder, as any file would be. */
    private static void readableByAll(Path temp) throws IOException {
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Jackson closes the stream it is given; the channel must stay open until it is forced to disk. */
    private static final class NonClosingStream extends FilterOutputStream {
        NonClosingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
