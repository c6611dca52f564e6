package io.flightdeck.harness.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.files.InvalidDocumentException;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.history.HistoryStore;
import io.flightdeck.harness.home.BaselineStore;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.report.ReportFile;
import io.flightdeck.harness.report.RunReport;

/**
 * The embedded default: the home folder's {@code history.jsonl} ({@link HistoryStore}) and {@code baselines/}
 * ({@link BaselineStore}), as on one machine since the start. A run's report stays in its run folder, which the
 * history does not name, so {@link #run} finds none.
 */
public final class FileResultsStore implements ResultsStore {

    private final HistoryStore history;
    private final BaselineStore baselines;

    public FileResultsStore(Home home) {
        this.history = new HistoryStore(home.history());
        this.baselines = new BaselineStore(home);
    }

    @Override
    public String location() {
        return history.file().toString();
    }

    /** The same run added twice is found by its id, time and environment, as in {@link PostgresResultsStore}. */
    @Override
    public Added add(HistoryEntry entry, RunReport report, Path artifacts) throws IOException {
        try {
            return new Added(entry.runId(), history.appendUnlessPresent(entry, e -> sameRun(e, entry)));
        } catch (ResultWriteException | InvalidDocumentException e) {
            throw e;
        } catch (IOException e) {
            throw new ResultWriteException(history.file(), e); // "cannot write <the history>: why"
        }
    }

    static boolean sameRun(HistoryEntry a, HistoryEntry b) {
        return a.runId().equals(b.runId()) && a.time().equals(b.time())
                && java.util.Objects.equals(a.fingerprint(), b.fingerprint());
    }

    @Override
    public HistoryStore.Contents history() throws IOException {
        return history.read();
    }

    @Override
    public StoredRun run(String runId) {
        return null;
    }

    @Override
    public Path saveBaseline(String name, Path runFolder, RunReport report, String commit) throws IOException {
        try {
            return baselines.save(name, runFolder, report, commit);
        } catch (ResultWriteException e) {
            throw e;
        } catch (IOException e) {
            throw new ResultWriteException(baselines.folder(name), e);
        }
    }

    @Override
    public boolean hasBaseline(String name) {
        return baselines.exists(name);
    }

    @Override
    public List<String> baselineNames() throws IOException {
        return baselines.names();
    }

    @Override
    public ComparisonFiles.Compared baseline(String name) throws IOException {
        Path folder = baselines.folder(name);
        return new ComparisonFiles.Compared("baseline " + name, ReportFile.read(folder.resolve(BaselineStore.REPORT)),
                folder);
    }

    /** Where baselines are saved, for messages. */
    public Path baselinesFolder() {
        return baselines.folder("x").getParent();
    }

    @Override
    public void close() {
    }
}
