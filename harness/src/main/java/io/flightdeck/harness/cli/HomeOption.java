package io.flightdeck.harness.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.run.HomeFolders;

/** {@code --home DIR}: where baselines and the history live, for every command that reads or writes them. */
final class HomeOption {

    @Option(names = "--home", paramLabel = "DIR",
            description = "where baselines and the history live (default: .flightdeck at the project root, or "
                    + Home.ENVIRONMENT_VARIABLE + ")")
    Path directory;

    /** The home folder: the option's, else FLIGHTDECK_HOME's, else the project root's (see {@link HomeFolders}). */
    Home home() {
        return HomeFolders.home(directory);
    }

    /** The home folder, checked up front to be one this command can write to. */
    Home writableHome(String why) {
        return HomeFolders.writable(directory, why);
    }
}
