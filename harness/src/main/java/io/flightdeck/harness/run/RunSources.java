package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.files.InvalidDocumentException;
import io.flightdeck.harness.home.BaselineStore;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.report.ReportFile;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.results.ResultsStore;

/**
 * What a user may name as a run to compare: a run folder, its report.json, a saved baseline, or a run the results
 * store holds by its id.
 */
public final class RunSources {

    private RunSources() {
    }

    /** A run folder, a report.json, a saved baseline's name, or a stored run's id, in that order. */
    public static ComparisonFiles.Compared resolve(LazyResults lazy, String text) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            path = null;
        }
        if (path != null && Files.isDirectory(path) && Files.isRegularFile(path.resolve(RunLayout.REPORT_JSON))) {
            return new ComparisonFiles.Compared(text, read(path.resolve(RunLayout.REPORT_JSON)), path);
        }
        if (path != null && Files.isRegularFile(path)) {
            Path folder = path.toAbsolutePath().getParent();
            return new ComparisonFiles.Compared(text, read(path), folder);
        }
        boolean isName;
        try {
            BaselineStore.checkName(text);
            isName = true;
        } catch (IllegalArgumentException e) {
            isName = false;
        }
        ResultsStore results = lazy.get(); // only now: local files need no store
        try {
            if (isName && results.hasBaseline(text)) {
                return baseline(results, text);
            }
            ResultsStore.StoredRun stored = isName ? results.run(text) : null;
            if (stored != null && stored.report() == null) {
                throw new RunInputException("run " + text + " in " + results.location() + " was imported (history "
                        + "--import or --import-jmh): it has its figures but no report; name its run folder or "
                        + "report.json instead, or see it in `history`");
            }
            if (stored != null) {
                // without a folder, one that cannot exist: the comparison then has no stacks to diff
                Path folder = stored.artifacts() != null ? stored.artifacts() : Path.of("/nonexistent", text);
                return new ComparisonFiles.Compared("run " + text, stored.report(), folder);
            }
        } catch (InvalidDocumentException e) {
            throw new RunInputException(e.getMessage());
        } catch (IOException e) {
            throw new RunInputException(oneLine(e));
        }
        String saved = savedNames(results);
        throw new RunInputException("'" + text + "' is neither a run folder, a report.json, a saved baseline nor a run "
                + "in " + results.location() + (saved.isEmpty() ? " (no baselines saved yet)"
                : " (baselines saved: " + saved + ")"));
    }

    /** A saved baseline, its report read and checked like any report.json. */
    public static ComparisonFiles.Compared baseline(ResultsStore results, String name) {
        try {
            if (!results.hasBaseline(name)) {
                String saved = savedNames(results);
                throw new RunInputException("--baseline " + name + ": no such baseline in " + results.location()
                        + (saved.isEmpty() ? " (none saved yet)" : " (saved: " + saved + ")"));
            }
            return results.baseline(name);
        } catch (InvalidDocumentException e) {
            throw new RunInputException(e.getMessage());
        } catch (IOException e) {
            throw new RunInputException(oneLine(e));
        }
    }

    private static String savedNames(ResultsStore results) {
        try {
            return String.join(", ", results.baselineNames());
        } catch (IOException e) {
            return "";
        }
    }

    /** Closes a store opened for a command that then failed: its own failure to close is not the one to report. */
    public static void closeQuietly(ResultsStore results) {
        try {
            results.close();
        } catch (IOException e) {
            // the command's own failure is the one the user sees
        }
    }

    private static RunReport read(Path file) {
        try {
            return ReportFile.read(file);
        } catch (InvalidDocumentException e) {
            throw new RunInputException(e.getMessage());
        } catch (IOException e) {
            throw new RunInputException(file + " is not a readable report.json: " + oneLine(e));
        }
    }

    private static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
