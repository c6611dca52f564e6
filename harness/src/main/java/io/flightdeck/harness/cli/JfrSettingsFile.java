package io.flightdeck.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Set;

import jdk.jfr.Configuration;

/**
 * {@code --jfr-settings}: one of the JDK's settings by name, or a .jfc file that JFR can read. The file is parsed
 * here, as JFR will parse it, because a child JVM given a file it cannot read dies at start-up: a failed run (exit 1)
 * for what is bad input.
 */
final class JfrSettingsFile {

    /** The settings every JDK ships. */
    static final Set<String> NAMES = Set.of("profile", "default");

    private JfrSettingsFile() {
    }

    /** Why the value cannot be used, or null when it can. */
    static String problem(Object value) {
        String text = value.toString();
        if (NAMES.contains(text)) {
            return null;
        }
        if (text.contains(",")) { // -XX:StartFlightRecording separates its options with commas
            return "'" + text + "': a path with a comma cannot be passed to JFR";
        }
        Path file;
        try {
            file = Path.of(text);
        } catch (InvalidPathException e) {
            return "'" + text + "' is not a path: " + e.getReason();
        }
        if (!Files.isRegularFile(file)) {
            return "'" + text + "': use profile, default or an existing .jfc file"
                    + (Files.isDirectory(file) ? " (this is a folder)" : "");
        }
        try {
            Configuration.create(file);
            return null;
        } catch (ParseException e) {
            return text + " is not a JFR settings file JFR can read: " + oneLine(e.getMessage());
        } catch (IOException e) {
            return text + " cannot be read: " + oneLine(e.getMessage());
        }
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.replaceAll("\\s+", " ").strip();
    }
}
