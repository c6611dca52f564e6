package io.flightdeck.harness.files;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.flightdeck.harness.text.TerminalText;

/**
 * A file that is not the document it should be, in one line naming the file and where in it the problem is:
 * {@code baseline/x/report.json: workloads[0].cases[2].iterations is missing}.
 */
public final class InvalidDocumentException extends IOException {

    public InvalidDocumentException(Path file, String problem) {
        super(file + ": " + TerminalText.safe(problem));
    }

    /** A field the checks after binding rejected. */
    public static InvalidDocumentException of(Path file, InvalidFieldException e) {
        return new InvalidDocumentException(file, e.getMessage());
    }

    /**
     * What Jackson could not read, by JSON path when it got that far, else by line and column.
     *
     * @param kind what the file should be, for the message: "report.json"
     */
    public static InvalidDocumentException of(Path file, String kind, JsonProcessingException e) {
        String message = firstLine(e.getOriginalMessage());
        if (e instanceof DatabindException d && d instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new InvalidDocumentException(file, path(m) + ": " + message);
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")";
        return new InvalidDocumentException(file, "not a readable " + kind + where + ": "
                + (e instanceof JsonParseException ? "not valid JSON: " : "") + message);
    }

    /** "workloads[0].cases[2].label". */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // Jackson's advice on its own settings means nothing to a user
        int advice = line.indexOf(" (set DeserializationConfig");
        return (advice < 0 ? line : line.substring(0, advice)).strip();
    }
}
