package io.flightdeck.harness.home;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import io.flightdeck.child.files.ResultWriteException;

/**
 * The run ids the home has handed out, so that no two runs recorded in one history share an id, wherever their
 * folders are ({@code --out} lets each run choose its own, so a folder's name cannot be what keeps ids apart).
 *
 * <p>An id is claimed by creating an empty marker file {@code <home>/ids/<id>}: {@link Files#createFile} creates it
 * or fails because it exists, in one step, between processes as between threads. A run asks for time-to-the-second
 * and its suite ({@code 20260101-120000-quick}); the first to ask gets it as is, a second in the same second gets
 * {@code -2}, the next {@code -3}: ids stay readable and sort by time, and the suffix appears only when needed.
 *
 * <p>Markers older than {@link #KEPT} are deleted as new ones are claimed: an id begins with the time it was asked
 * for, so one of an earlier day cannot be asked for again (unless the clock is set back a day).
 */
public final class RunIds {

    public static final String FOLDER = "ids";
    /** How long a marker is kept: far longer than the one second in which its id can be asked for again. */
    static final Duration KEPT = Duration.ofDays(1);

    /** An id's time, to the second: ids read as times and sort by them. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final Clock clock;

    /** The id a run asks for when it starts at {@code time}: {@code 20260101-120000-<name>}. */
    public static String asked(LocalDateTime time, String name) {
        return time.format(TIME) + "-" + name;
    }

    /** The id a run starting now, in the machine's time zone, asks for. */
    public static String askedNow(String name) {
        return asked(LocalDateTime.now(), name);
    }

    public RunIds(Home home) {
        this(home, Clock.systemUTC());
    }

    RunIds(Home home, Clock clock) {
        this.folder = home.directory().resolve(FOLDER);
        this.clock = clock;
    }

    /**
     * Claims {@code id} for one run.
     *
     * @return whether it was free (and is now this caller's); false when another run has it
     * @throws ResultWriteException when the home cannot be written
     */
    public boolean claim(String id) throws IOException {
        // a marker is one file in the folder whatever the id holds; ids that differ only there then take turns
        Path marker = folder.resolve(id.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_"));
        try {
            Files.createDirectories(folder);
            forgetOldMarkers();
            Files.createFile(marker);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new ResultWriteException(marker, e);
        }
    }

    private void forgetOldMarkers() throws IOException {
        Instant before = clock.instant().minus(KEPT);
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(folder)) {
            for (Path m : markers) {
                try {
                    if (Files.getLastModifiedTime(m).toInstant().isBefore(before)) {
                        Files.deleteIfExists(m);
                    }
                } catch (IOException e) {
                    // another run deleted it first, or it cannot go: it only takes a name nobody will ask for
                }
            }
        }
    }
}
