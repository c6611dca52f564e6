package io.flightdeck.harness.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import io.flightdeck.harness.home.Home;

/** {@code --home DIR}: where baselines and the history live, for every command that reads or writes them. */
final class HomeOption {

    @Option(names = "--home", paramLabel = "DIR",
            description = "where baselines and the history live (default: .flightdeck at the project root, or "
                    + Home.ENVIRONMENT_VARIABLE + ")")
    Path directory;

    /** The home folder: the option's, else FLIGHTDECK_HOME's, else the project root's. */
    Home home() {
        return RunInputs.home(directory);
    }
}
