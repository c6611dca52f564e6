package io.flightdeck.harness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.flightdeck.child.files.FileTrees;

/**
 * The folder {@code analyze} writes to when no {@code --out} is given: {@code <name>-analysis/} beside the recording
 * {@code <name>.jfr}, so that two recordings of one folder never share analysis.json, report.html or cpu.folded, and a
 * recording's results stay with it (as Eclipse MAT's reports stay beside their heap dump).
 *
 * <p>Claimed whole: the files are written into a hidden sibling and the folder appears by one rename once they are all
 * there. An existing folder is never written into: like {@code jlink --output} or {@code git clone}, {@code analyze}
 * refuses it (exit code 2) unless told {@code --force}, which replaces it, again by a rename, so that no file of the
 * earlier analysis (a lock.folded the new recording has no locks for) is left beside the new ones.
 */
final class AnalysisFolder {

    static final String SUFFIX = "-analysis";

    private final Path target;
    private final Path staging;

    private AnalysisFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** {@code /data/app.jfr} → {@code /data/app-analysis}. */
    static Path besides(Path recording) {
        Path absolute = recording.toAbsolutePath().normalize();
        String name = String.valueOf(absolute.getFileName());
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".jfr") && name.length() > 4
                ? name.substring(0, name.length() - 4) : name;
        return absolute.resolveSibling(stem + SUFFIX);
    }

    /**
     * Checks that {@code target} may be written (before the long analysis starts) and makes the hidden folder the
     * files go into.
     */
    static AnalysisFolder claim(Path target, boolean force) {
        refuseExisting(target, force);
        try {
            Files.createDirectories(target.getParent());
            return new AnalysisFolder(target, Files.createTempDirectory(target.getParent(),
                    "." + target.getFileName() + ".tmp-"));
        } catch (IOException e) {
            throw new UsageException("cannot write beside the recording, in " + target.getParent() + " ("
                    + e.getClass().getSimpleName() + "); --out DIR writes elsewhere");
        }
    }

    /** Exit code 2 when {@code target} exists and replacing it was not asked for. */
    static void refuseExisting(Path target, boolean force) {
        if (Files.exists(target) && !force) {
            throw new UsageException(target + " already exists (an earlier analysis of this recording?); "
                    + "--force replaces it, --out DIR writes elsewhere");
        }
    }

    /** Where the files go until {@link #publish}. */
    Path staging() {
        return staging;
    }

    Path target() {
        return target;
    }

    /** Where a file written under {@link #staging} is once published. */
    Path moved(Path staged) {
        return target.resolve(staging.relativize(staged));
    }

    /** The folder appears, with every file: a rename, replacing an earlier one only when forced. */
    void publish(boolean force) throws IOException {
        publish(force, FileTrees::moveAtomically);
    }

    /** A rename; a test's may fail where a file system would. */
    interface Move {
        void move(Path from, Path to) throws IOException;
    }

    void publish(boolean force, Move move) throws IOException {
        refuseExisting(target, force);
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move.move(target, old);
        }
        try {
            move.move(staging, target);
        } catch (IOException e) {
            if (!Files.exists(target)) {
                if (old != null) {
                    // the earlier analysis back under its name: --force replaces it, a failure must not lose it
                    try {
                        move.move(old, target);
                    } catch (IOException back) {
                        e.addSuppressed(back);
                    }
                }
                throw e;
            }
            // another analyze of the same recording got there first: its results stay, ours go, and so does the
            // earlier one we put aside (theirs replaced it)
            FileTrees.deleteQuietly(old);
            throw new UsageException(target + " was written by another analysis meanwhile; --out DIR writes elsewhere");
        }
        if (old != null) {
            FileTrees.deleteTree(old);
        }
    }

    /** Removes the hidden folder after a failure: nothing half-written is left behind. */
    void abandon() {
        try {
            FileTrees.deleteTree(staging);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a hidden .tmp- folder is all that can remain
        }
    }
}
