package io.flightdeck.harness.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.flightdeck.child.files.AtomicFile;
import io.flightdeck.harness.files.ExclusiveLock;
import io.flightdeck.harness.files.InvalidDocumentException;
import io.flightdeck.harness.files.InvalidFieldException;
import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.child.files.Json;

/**
 * The run history: one JSON line per run, in the order they were added. Records are only ever added, and each
 * addition is atomic: the file is rewritten beside itself with the new line and moved over the old one, so a writer
 * killed at any point leaves the file as it was before or as it is after, never a torn line.
 *
 * <p>Why not append in place: one {@code write} of a line to a file opened for appending lands whole beside other
 * appenders, but not against a kill or a full disk (Linux stops a long write at a fatal signal and returns what it
 * wrote), and a reader that takes no lock could see half a line. The rewrite costs a copy of the file per run; it
 * buys readers that always see whole records.
 *
 * <p>Writers take turns through {@link ExclusiveLock} (between processes and between threads of one). A writer
 * killed half-way leaves its temporary file; as every writer holds the lock while its temporary file exists, any
 * found under the lock is such a leftover, and is deleted.
 *
 * <p>A line that is not a record (torn by hand, not UTF-8, another version's) is skipped and counted, never fatal.
 */
public final class HistoryStore {

    private static final int CHUNK = 64 * 1024;
    /**
     * Longer than any record a run writes (a record of a thousand cases is a few hundred kB): a longer line is no
     * record, and is skipped as it streams past rather than gathered into memory first.
     */
    static final int MAX_LINE = 16 * 1024 * 1024;

    private final Path file;
    private final int maxLine;
    // strict, as for a report read back: a null figure is not read as 0, a field given twice is no record; and two
    // records run together are no record
    private final ObjectMapper json = Json.strictMapper().copy().disable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public HistoryStore(Path file) {
        this(file, MAX_LINE);
    }

    HistoryStore(Path file, int maxLine) {
        this.file = file;
        this.maxLine = maxLine;
    }

    public Path file() {
        return file;
    }

    /**
     * Adds one record at the end.
     *
     * @throws InvalidDocumentException when the record is not one {@link #read} would take back (it is not added)
     */
    public void append(HistoryEntry entry) throws IOException {
        appendUnlessPresent(entry, null);
    }

    /**
     * Adds one record at the end unless a record already there matches {@code present}: the look and the write under
     * one lock, so that two writers adding the same run (a retried import, two builds sharing a home) add it once.
     *
     * @param present what a record already there must match to keep this one out; null to append whatever is there
     * @return whether the record was added
     * @throws InvalidDocumentException when the record is not one {@link #read} would take back (it is not added)
     */
    public boolean appendUnlessPresent(HistoryEntry entry, Predicate<HistoryEntry> present) throws IOException {
        Path target = file.toAbsolutePath();
        HistoryEntry checked;
        try {
            checked = HistoryValidation.check(entry);
        } catch (InvalidFieldException e) {
            throw new InvalidDocumentException(target, "record of " + entry.runId() + " not added: " + e.getMessage());
        }
        byte[] line = (json.writeValueAsString(checked) + "\n").getBytes(StandardCharsets.UTF_8);
        if (line.length - 1 > maxLine) { // every read would skip it: the run would vanish from the history unseen
            throw new InvalidDocumentException(target, "record of " + entry.runId() + " not added: its line of "
                    + (line.length - 1) + " bytes is longer than any this history reads (" + maxLine + ")");
        }
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new ResultWriteException(target, e);
        }
        Path lock = target.resolveSibling(target.getFileName() + ".lock");
        try (ExclusiveLock ignored = lockOrName(lock)) {
            deleteLeftoverTemporaryFiles(target);
            boolean exists = Files.isRegularFile(target);
            if (present != null && exists && read().entries().stream().anyMatch(present)) {
                return false;
            }
            boolean needsNewline = exists && !endsWithNewline(target);
            AtomicFile.write(target, (OutputStream out) -> {
                if (exists) {
                    Files.copy(target, out); // streamed: a history of any size costs no memory to extend
                }
                if (needsNewline) {
                    out.write('\n'); // a line someone appended by hand without its end
                }
                out.write(line);
            });
        }
        return true;
    }

    /** Whether the file is empty or its last byte ends a line. */
    private static boolean endsWithNewline(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            if (ch.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.position(ch.size() - 1).read(last);
            return last.get(0) == '\n';
        }
    }

    private static ExclusiveLock lockOrName(Path lock) throws IOException {
        try {
            return ExclusiveLock.acquire(lock);
        } catch (IOException e) {
            throw new ResultWriteException(lock, e);
        }
    }

    /** {@link AtomicFile}'s temporary files of this history, left by writers killed half-way; called under the lock. */
    private static void deleteLeftoverTemporaryFiles(Path target) throws IOException {
        String glob = "." + target.getFileName() + "*.tmp";
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(), glob)) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** What a read found: the records, and the lines that are not records (with their numbers). */
    public record Contents(List<HistoryEntry> entries, List<String> skipped) {
    }

    /**
     * Every record, oldest first; a line that is not a record, or not one a run or an import could have written
     * ({@link HistoryValidation}), is skipped and named, not fatal. Lines are split as bytes and each parsed on its
     * own, so one line that is not UTF-8 costs that line, not the whole history; a line longer than any record is
     * skipped without being held in memory.
     */
    public Contents read() throws IOException {
        List<HistoryEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return new Contents(List.of(), List.of());
        }
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            byte[] chunk = new byte[CHUNK];
            int number = 0;
            int n;
            while ((n = in.read(chunk)) >= 0) {
                int start = 0;
                for (int i = 0; i <= n; i++) {
                    boolean end = i < n && chunk[i] == '\n';
                    if (!end && i < n) {
                        continue;
                    }
                    if (!tooLong && line.size() + (i - start) > maxLine) {
                        tooLong = true;
                        line.reset();
                    }
                    if (!tooLong) {
                        line.write(chunk, start, i - start);
                    }
                    if (end) {
                        number++;
                        if (tooLong) {
                            skipped.add("line " + number);
                        } else {
                            parse(line.toByteArray(), number, entries, skipped);
                        }
                        line.reset();
                        tooLong = false;
                        start = i + 1;
                    }
                }
            }
            if (tooLong) {
                skipped.add("line " + ++number);
            } else if (line.size() > 0) {
                parse(line.toByteArray(), ++number, entries, skipped);
            }
        }
        return new Contents(List.copyOf(entries), List.copyOf(skipped));
    }

    private void parse(byte[] line, int number, List<HistoryEntry> entries, List<String> skipped) {
        if (isBlank(line)) {
            return;
        }
        try {
            HistoryEntry e = json.readValue(line, HistoryEntry.class); // Jackson rejects bytes that are not UTF-8
            if (e == null) {
                throw new IOException("null is no record");
            }
            entries.add(HistoryValidation.check(e));
        } catch (IOException | RuntimeException e) { // Jackson's parse errors and the checks' InvalidFieldException
            skipped.add("line " + number);
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
