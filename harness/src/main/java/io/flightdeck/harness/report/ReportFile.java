package io.flightdeck.harness.report;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.flightdeck.harness.files.InvalidDocumentException;
import io.flightdeck.harness.files.InvalidFieldException;
import io.flightdeck.child.files.Json;

/**
 * Reads a {@code report.json} back (a run folder, a saved baseline) and checks it is one a run could have written,
 * before anything compares or exports it.
 */
public final class ReportFile {

    private ReportFile() {
    }

    /**
     * @throws InvalidDocumentException when the file is not JSON, not a report, of another schema version, or holds
     *                                  a field no run writes; its message is one line naming the file and the field
     * @throws IOException              when the file cannot be read at all
     */
    public static RunReport read(Path file) throws IOException {
        return parse(() -> Json.strictMapper().readValue(file.toFile(), RunReport.class), file);
    }

    /**
     * A report held elsewhere than in a file (a results database's column), with every check {@link #read} makes.
     *
     * @param shownAs what the messages name as its place
     */
    public static RunReport read(byte[] json, Path shownAs) throws IOException {
        return parse(() -> Json.strictMapper().readValue(json, RunReport.class), shownAs);
    }

    private interface Source {
        RunReport read() throws IOException;
    }

    private static RunReport parse(Source source, Path file) throws IOException {
        RunReport r;
        try {
            r = source.read();
        } catch (JsonProcessingException e) {
            throw InvalidDocumentException.of(file, "report.json", e);
        }
        if (r == null) {
            throw new InvalidDocumentException(file, "holds null, not a Flightdeck report");
        }
        if (r.schemaVersion() != RunReport.SCHEMA_VERSION) {
            throw new InvalidDocumentException(file, "report schema version " + r.schemaVersion()
                    + ", this tool reads " + RunReport.SCHEMA_VERSION);
        }
        try {
            return ReportValidation.check(r);
        } catch (InvalidFieldException e) {
            throw InvalidDocumentException.of(file, e);
        }
    }
}
