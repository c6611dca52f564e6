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

/** What a user may name as a run to compare: a run folder, its report.json, or a saved baseline. */
public final class RunSources {

    private RunSources() {
    }

    /** A run folder, a report.json, or a saved baseline's name, in that order. */
    public static ComparisonFiles.Compared resolve(BaselineStore baselines, String text) {
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
        if (isName && baselines.exists(text)) {
            return baseline(baselines, text);
        }
        String saved;
        try {
            saved = String.join(", ", baselines.names());
        } catch (IOException e) {
            saved = "";
        }
        throw new RunInputException("'" + text + "' is neither a run folder, a report.json nor a saved baseline"
                + (saved.isEmpty() ? " (no baselines saved yet)" : " (saved: " + saved + ")"));
    }

    /** A saved baseline, its report read and checked like any report.json. */
    public static ComparisonFiles.Compared baseline(BaselineStore baselines, String name) {
        if (!baselines.exists(name)) {
            String saved;
            try {
                saved = String.join(", ", baselines.names());
            } catch (IOException e) {
                saved = "";
            }
            throw new RunInputException("--baseline " + name + ": no such baseline in " + baselines.folder(name)
                    .getParent() + (saved.isEmpty() ? " (none saved yet)" : " (saved: " + saved + ")"));
        }
        Path folder = baselines.folder(name);
        return new ComparisonFiles.Compared("baseline " + name, read(folder.resolve(BaselineStore.REPORT)), folder);
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
