package io.flightdeck.harness.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.flightdeck.harness.files.AtomicFile;
import io.flightdeck.harness.files.Json;

/**
 * The run history: one JSON line per run, in the order they were added. Records are only ever added, and each
 * addition is atomic: the file is rewritten beside itself with the new line and moved over the old one, so a writer
 * killed at any point leaves the file as it was before or as it is after, never a torn line. Writers on the same
 * machine take turns through a lock file.
 */
public final class HistoryStore {

    private final Path file;
    private final ObjectMapper json = Json.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);

    public HistoryStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Adds one record at the end. */
    public void append(HistoryEntry entry) throws IOException {
        byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            byte[] before = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
            boolean needsNewline = before.length > 0 && before[before.length - 1] != '\n';
            AtomicFile.write(file, (OutputStream out) -> {
                out.write(before);
                if (needsNewline) {
                    out.write('\n'); // a line someone appended by hand without its end
                }
                out.write(line);
            });
        }
    }

    /** A record with everything a trend reads, of a schema this tool knows. */
    private static boolean complete(HistoryEntry e) {
        return e != null && e.schemaVersion() == HistoryEntry.SCHEMA_VERSION && e.time() != null && e.source() != null
                && e.runId() != null && e.points().stream().allMatch(p -> p != null && p.workload() != null
                && p.caseLabel() != null && p.metric() != null);
    }

    /** What a read found: the records, and the lines that are not records (with their numbers). */
    public record Contents(List<HistoryEntry> entries, List<String> skipped) {
    }

    /** Every record, oldest first; a line that is not a record is skipped and named, not fatal. */
    public Contents read() throws IOException {
        List<HistoryEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return new Contents(List.of(), List.of());
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    HistoryEntry e = json.readValue(line, HistoryEntry.class);
                    if (!complete(e)) {
                        throw new IOException("not a whole record of a version this tool reads");
                    }
                    entries.add(e);
                } catch (IOException e) { // Jackson's parse errors included
                    skipped.add("line " + number);
                }
            }
        }
        return new Contents(List.copyOf(entries), List.copyOf(skipped));
    }
}
