package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import io.flightdeck.harness.files.ExclusiveLock;
import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.harness.home.RunIds;
import io.flightdeck.harness.layout.RunLayout;

/**
 * A run's folder, claimed for that run alone and held until it ends.
 *
 * <p>Without {@code --out}, a new folder {@code target/flightdeck/runs/<run-id>} is claimed: {@link
 * Files#createDirectory} either creates it or fails because it exists, atomically, so two runs started in the same
 * second cannot share a folder (and a store, and a report that mixes them); the second gets {@code <run-id>-2}, the
 * next {@code -3}, and the id is the folder's name, still sortable by time. With {@code --out}, the folder may hold an
 * earlier run (a CI job that always writes to the same one): it is locked for the run, so a second run into it at
 * the same time is refused, and the earlier run's results are removed first, so a run that dies half-way cannot
 * leave an old {@code report.json} saying "passed". Only files Flightdeck itself writes are touched, never anything
 * else in the folder.
 *
 * <p>When the run is recorded in a home (its history, a baseline), its id is also claimed there ({@link RunIds}), so
 * runs into different {@code --out} folders, or from different working directories, in the same second still get
 * ids of their own: the second gets {@code <run-id>-2} as its id, whatever its folder is called.
 */
public final class RunFolder implements AutoCloseable {

    /** Held by the run that uses the folder; left in place afterwards, as deleting a lock file races its next user. */
    public static final String LOCK = RunLayout.LOCK;
    /** Where run folders go without {@code --out}, relative to the working directory. */
    public static final Path DEFAULT_PARENT = Path.of("target", "flightdeck", "runs");
    /** More runs than this claiming one id in the same second means something else is wrong. */
    private static final int MAX_SUFFIX = 10_000;

    private final Path directory;
    private final String runId;
    private final ExclusiveLock lock;

    private RunFolder(Path directory, String runId, ExclusiveLock lock) {
        this.directory = directory;
        this.runId = runId;
        this.lock = lock;
    }

    /** The folder, absolute. */
    public Path directory() {
        return directory;
    }

    /** The run's id: the folder's name when Flightdeck chose it, else the id it was asked for. */
    public String runId() {
        return runId;
    }

    /**
     * Claims the run's folder: a new one under {@link #DEFAULT_PARENT} named after {@code runId} when {@code out} is
     * null, else {@code out}, locked and cleared of an earlier run's results.
     *
     * @param folders the workloads' folders, relative to the run folder
     * @throws RunInputException when the folder cannot be had; its message is the line the user sees
     */
    public static RunFolder claim(Path out, String runId, List<String> folders) {
        return claim(out, runId, folders, null);
    }

    /**
     * {@link #claim(Path, String, List)}, the id also claimed in the home's {@code ids} when {@code ids} is given: a run
     * recorded in no home needs no id the home has not handed out.
     */
    public static RunFolder claim(Path out, String runId, List<String> folders, RunIds ids) {
        return claim(out, DEFAULT_PARENT, runId, folders, ids);
    }

    /**
     * {@link #claim(Path, String, List, RunIds)}, a new folder made under {@code parent} rather than
     * {@link #DEFAULT_PARENT} when {@code out} is null (a build tool's own output folder).
     */
    public static RunFolder claim(Path out, Path parent, String runId, List<String> folders, RunIds ids) {
        try {
            if (out == null) {
                Path dir = claimNew(parent, runId, ids);
                return new RunFolder(dir, dir.getFileName().toString(), lock(dir));
            }
            if (out.toString().isEmpty()) {
                throw new RunInputException("--out '': name a folder");
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new RunInputException("--out " + out + " is a file, not a folder");
            }
            checkNoComma(out.toAbsolutePath()); // before anything is created
            Path dir = Files.createDirectories(out).toAbsolutePath().normalize();
            checkUsable(dir);
            RunFolder claimed = new RunFolder(dir, claimId(ids, runId), lock(dir));
            try {
                clearPreviousRun(dir, folders);
            } catch (IOException | RuntimeException e) {
                claimed.close();
                throw e;
            }
            return claimed;
        } catch (ResultWriteException e) {
            throw new RunInputException(e.getMessage());
        } catch (IOException | InvalidPathException e) {
            throw new RunInputException("cannot prepare the run folder: " + e.getMessage());
        }
    }

    /**
     * A new folder under {@code parent}, named {@code name} or, when that exists, {@code name-2}, {@code name-3}...:
     * each created by one {@link Files#createDirectory}, which fails when the folder exists, so of any number of
     * processes claiming at once each gets a folder of its own. The folder is returned absolute.
     */
    public static Path claimNew(Path parent, String name) throws IOException {
        return claimNew(parent, name, null);
    }

    /**
     * {@link #claimNew(Path, String)}, each name also claimed in {@code ids} when given, so that the folder's name is
     * the run's id and free in both.
     */
    public static Path claimNew(Path parent, String name, RunIds ids) throws IOException {
        Path base;
        try {
            base = Files.createDirectories(parent).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new ResultWriteException(parent.toAbsolutePath(), e);
        }
        checkUsable(base);
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String id = n == 1 ? name : name + "-" + n;
            Path candidate = base.resolve(id);
            if (ids != null && !ids.claim(id)) {
                continue; // a run elsewhere has this id
            }
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // another run has it: try the next name
            } catch (IOException e) {
                throw new ResultWriteException(candidate, e);
            }
        }
        throw new ResultWriteException(base.resolve(name), new IOException(MAX_SUFFIX + " folders of that name exist"));
    }

    /** {@code runId}, or the first of {@code runId-2}, {@code -3}... that no other run has, when {@code ids} is given. */
    public static String claimId(RunIds ids, String runId) throws IOException {
        if (ids == null) {
            return runId;
        }
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String id = n == 1 ? runId : runId + "-" + n;
            if (ids.claim(id)) {
                return id;
            }
        }
        throw new RunInputException("run id " + runId + ": " + MAX_SUFFIX + " runs of that id exist in the home");
    }

    private static void checkNoComma(Path dir) {
        if (dir.toString().contains(",")) { // JFR's filename= option cannot hold a comma
            throw new RunInputException("run folder " + dir + ": a folder whose path has a comma cannot hold recordings");
        }
    }

    private static void checkUsable(Path dir) {
        checkNoComma(dir);
        if (!Files.isWritable(dir)) {
            throw new RunInputException("run folder " + dir + " is not writable");
        }
    }

    private static ExclusiveLock lock(Path dir) throws IOException {
        Path file = dir.resolve(LOCK);
        ExclusiveLock lock;
        try {
            lock = ExclusiveLock.tryAcquire(file);
        } catch (IOException e) {
            throw new ResultWriteException(file, e);
        }
        if (lock == null) {
            throw new RunInputException("run folder " + dir + " is in use by another run: choose another --out");
        }
        return lock;
    }

    @Override
    public void close() {
        try {
            lock.close();
        } catch (IOException e) {
            // the process ends soon, and the lock with it
        }
    }

    /**
     * Removes an earlier run's results from {@code dir}; see {@link RunLayout#clearPreviousRun}.
     *
     * @param folders the workloads' folders, relative to {@code dir}
     */
    public static void clearPreviousRun(Path dir, List<String> folders) throws IOException {
        RunLayout.clearPreviousRun(dir, folders);
    }
}
