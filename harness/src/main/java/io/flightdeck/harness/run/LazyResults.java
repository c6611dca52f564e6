package io.flightdeck.harness.run;

import java.nio.file.Path;

import io.flightdeck.harness.results.ResultsStore;

/**
 * The results store, opened only when asked for: {@code compare} and {@code export} of run folders must not need a
 * database that is down, or a role that may not migrate it. Closed with whatever opened it.
 */
public final class LazyResults implements AutoCloseable {

    private final Path home;
    private final String url;
    private ResultsStore store;

    public LazyResults(Path home, String url) {
        this.home = home;
        this.url = url;
    }

    /** The store, opened on the first call (bad input, a database out of reach: {@link RunInputException}). */
    ResultsStore get() {
        if (store == null) {
            store = HomeFolders.results(home, url, null);
        }
        return store;
    }

    @Override
    public void close() {
        if (store != null) {
            RunSources.closeQuietly(store);
        }
    }
}
