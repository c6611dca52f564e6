package io.flightdeck.harness.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

import io.flightdeck.harness.home.Home;

/** {@code --home DIR}: where baselines and the history live, for every command that reads or writes them. */
final class HomeOption {

    @Option(names = "--home", paramLabel = "DIR",
            description = "where baselines and the history live (default: .flightdeck at the project root, or "
                    + Home.ENVIRONMENT_VARIABLE + ")")
    Path directory;

    /**
     * The home folder: the option's, else FLIGHTDECK_HOME's, else the project root's. A home that is a file (or
     * inside one) is refused: read as an empty home it would say "no runs" and hide the mistake.
     */
    Home home() {
        Home home = RunInputs.home(directory);
        Path existing = nearestExisting(home.directory());
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UsageException(describe(home) + " is not a folder: " + existing + " is a file");
        }
        return home;
    }

    /**
     * The home folder, checked up front to be one this command can write to (it is created when missing), so that a
     * run does not end, minutes later, without the history or baseline it was asked to keep.
     */
    Home writableHome(String why) {
        Home home = home();
        Path existing = nearestExisting(home.directory());
        if (existing != null && !Files.isWritable(existing)) {
            throw new UsageException(describe(home) + " is not writable (" + existing + "): " + why);
        }
        return home;
    }

    private String describe(Home home) {
        return "the home folder " + home.directory() + (directory != null ? " (--home)" : "");
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
