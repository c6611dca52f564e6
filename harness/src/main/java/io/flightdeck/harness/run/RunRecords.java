package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Path;

import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.results.ResultsStore;

/**
 * Where a run's records go, opened and checked before the run starts: the home, the results store, and the baseline
 * to compare against (read now: one that cannot be compared against must not cost a whole run to find out).
 *
 * @param results null when the run neither records nor compares (no store is opened, none need be reachable)
 * @param against null without {@code --baseline}
 */
record RunRecords(Home home, ResultsStore results, ComparisonFiles.Compared against) implements AutoCloseable {

    /**
     * @param saveBaseline the baseline to save, null for none
     * @param history      whether the run goes into the history
     * @param baseline     the baseline to compare against, null for none
     */
    static RunRecords open(Path explicitHome, String resultsUrl, String saveBaseline, boolean history,
                           String baseline) {
        String writeWhy = saveBaseline != null ? "the baseline could not be saved"
                : history ? "the run could not be added to the history (--no-history leaves it out)" : null;
        Home home = writeWhy != null ? HomeFolders.writable(explicitHome, writeWhy) : HomeFolders.home(explicitHome);
        if (writeWhy == null && baseline == null) {
            return new RunRecords(home, null, null);
        }
        ResultsStore results = HomeFolders.results(explicitHome, resultsUrl, writeWhy);
        try {
            return new RunRecords(home, results, baseline == null ? null : RunSources.baseline(results, baseline));
        } catch (RuntimeException e) {
            RunSources.closeQuietly(results);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (results != null) {
            results.close();
        }
    }
}
