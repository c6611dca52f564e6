package io.flightdeck.harness.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.results.ResultsStore;
import io.flightdeck.harness.results.ResultsStores;
import io.flightdeck.harness.run.HomeFolders;
import io.flightdeck.harness.run.LazyResults;
import io.flightdeck.harness.run.RunInputException;

/**
 * {@code --home DIR} and {@code --results-url URL}: where baselines and the history live, for every command that
 * reads or writes them.
 */
final class HomeOption {

    @Option(names = "--home", paramLabel = "DIR",
            description = "where baselines and the history live (default: .flightdeck at the project root, or "
                    + Home.ENVIRONMENT_VARIABLE + ")")
    Path directory;

    @Option(names = "--results-url", paramLabel = "URL",
            description = "a shared PostgreSQL results store, jdbc:postgresql://HOST[:PORT]/DATABASE (default: "
                    + ResultsStores.ENVIRONMENT_VARIABLE + ", else the home's files); the user from the URL or "
                    + "PGUSER, the password from PGPASSWORD or a pgpass file, never the command line")
    String resultsUrl;

    /** The home folder: the option's, else FLIGHTDECK_HOME's, else the project root's (see {@link HomeFolders}). */
    Home home() {
        return HomeFolders.home(directory);
    }

    /** The home folder, checked up front to be one this command can write to. */
    Home writableHome(String why) {
        return HomeFolders.writable(directory, why);
    }

    /** The results store, opened when first needed (with the checks of {@link #results}). */
    LazyResults lazyResults() {
        return new LazyResults(directory, resultsUrl);
    }

    /**
     * The results store, opened: the database the options or environment name, else the home's files.
     *
     * @param writeWhy null to read only; else why the command must write
     * @throws UsageException when it cannot be opened (one line, exit code 2)
     */
    ResultsStore results(String writeWhy) {
        try {
            return HomeFolders.results(directory, resultsUrl, writeWhy);
        } catch (RunInputException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
