package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.results.ResultsStore;
import io.flightdeck.harness.results.ResultsStores;

/**
 * The home folder (baselines, history, caches) a run, check or comparison is given, checked before it is used: a
 * home that is a file (or inside one) is refused, as read as an empty home it would say "no runs" and hide the
 * mistake; one a run must write to is checked to be writable up front, so that a run does not end, minutes later,
 * without the history or baseline it was asked to keep.
 */
public final class HomeFolders {

    private HomeFolders() {
    }

    /** The home folder {@code explicit} names, else FLIGHTDECK_HOME's, else the project root's; not checked. */
    public static Home resolve(Path explicit) {
        try {
            return Home.resolve(explicit);
        } catch (InvalidPathException e) {
            throw new RunInputException("the home folder (--home or " + Home.ENVIRONMENT_VARIABLE + "): "
                    + e.getMessage());
        }
    }

    /** {@link #resolve}, refused when it is a file or inside one. */
    public static Home home(Path explicit) {
        Home home = resolve(explicit);
        Path existing = nearestExisting(home.directory());
        if (existing != null && !Files.isDirectory(existing)) {
            throw new RunInputException(describe(home, explicit) + " is not a folder: " + existing + " is a file");
        }
        return home;
    }

    /** {@link #home}, checked to be one this run can write to (it is created when missing); {@code why} says why. */
    public static Home writable(Path explicit, String why) {
        Home home = home(explicit);
        Path existing = nearestExisting(home.directory());
        if (existing != null && !Files.isWritable(existing)) {
            throw new RunInputException(describe(home, explicit) + " is not writable (" + existing + "): " + why);
        }
        return home;
    }

    /**
     * The results store the options name: a PostgreSQL database ({@code url}, else FLIGHTDECK_RESULTS_URL), connected
     * and migrated, or the home's files. A URL that cannot name a store, or a database that cannot be reached, is bad
     * input: one line, before any run starts.
     *
     * @param writeWhy null when the command only reads; else why it must write (the home is then checked writable:
     *                 a baseline's stacks go to the home's disk whichever the store)
     */
    public static ResultsStore results(Path explicitHome, String url, String writeWhy) {
        Home home = writeWhy == null ? home(explicitHome) : writable(explicitHome, writeWhy);
        String asked = ResultsStores.url(url, System.getenv());
        try {
            return ResultsStores.open(home, asked, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new RunInputException((url != null ? "--results-url: " : ResultsStores.ENVIRONMENT_VARIABLE + ": ")
                    + e.getMessage());
        } catch (IOException e) {
            throw new RunInputException("the results store " + e.getMessage());
        }
    }

    private static String describe(Home home, Path explicit) {
        return "the home folder " + home.directory() + (explicit != null ? " (--home)" : "");
    }

    /** The folder itself when it exists, else its nearest ancestor that does. */
    private static Path nearestExisting(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }
}
