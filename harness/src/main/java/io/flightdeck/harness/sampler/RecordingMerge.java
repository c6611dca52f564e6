package io.flightdeck.harness.sampler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * One recording per JVM for the user: async-profiler's file appended to the JDK's. A JFR file is a sequence of
 * self-contained chunks (each with its own metadata and constant pools), so two files one after the other are one
 * recording, which is what {@code jfr assemble} does. The JDK's parser ({@code RecordingFile}, {@code jfr print})
 * reads both chunks; note that JDK 17's and 25's {@code jfr summary} miscount event types across chunks whose
 * metadata differ (it keys its counts by type id).
 */
public final class RecordingMerge {

    private RecordingMerge() {
    }

    /**
     * Appends {@code agent} to {@code recording} atomically (a temporary copy, then a move) and deletes it.
     *
     * @return a warning for the user, or null when the files were merged
     */
    public static synchronized String appendAgentRecording(Path recording, Path agent) throws IOException {
        if (!Files.isRegularFile(agent) || Files.size(agent) == 0) {
            Files.deleteIfExists(agent);
            return "async-profiler left no recording (" + agent.getFileName() + "): " + recording.getFileName()
                    + " has JFR's events only, without CPU samples";
        }
        if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
            // the JDK wrote nothing (a crash before its dump): the agent's samples are still worth keeping
            move(agent, recording);
            return "the JVM left no JFR recording: " + recording.getFileName() + " has async-profiler's events only";
        }
        Path temp = Files.createTempFile(recording.getParent(), recording.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                Files.copy(recording, out);
                Files.copy(agent, out);
            }
            keepPermissions(recording, temp);
            move(temp, recording);
        } finally {
            Files.deleteIfExists(temp);
        }
        Files.delete(agent);
        return null;
    }

    /** A temporary file is private to its owner; the recording stays as readable as the JVM made it. */
    private static void keepPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(from).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
