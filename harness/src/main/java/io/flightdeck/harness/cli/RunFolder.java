package io.flightdeck.harness.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.RegressionConfirmation;
import io.flightdeck.harness.run.ProfilingRun;

/**
 * Prepares a run folder that may hold an earlier run (a CI job that always writes to the same {@code --out}): the
 * earlier run's results are removed first, so a run that dies half-way cannot leave an old {@code report.json}
 * saying "passed". Only files Flightdeck itself writes are touched, never anything else in the folder.
 */
final class RunFolder {

    private static final List<String> RUN_FILES = List.of(ProfilingRun.REPORT_JSON, ProfilingRun.REPORT_MD,
            ProfilingRun.REPORT_HTML, ProfilingRun.ENVIRONMENT_JSON, ComparisonFiles.JSON, ComparisonFiles.MARKDOWN,
            ComparisonFiles.HTML);
    /**
     * What a fork leaves in its workload's folder, and its recording's analysis: fork 1 plain, later forks with
     * "-fork-N".
     */
    private static final Pattern FORK_FILE = Pattern.compile("(recording|result|spec|child-stdout|child-stderr"
            + "|analysis|cpu|alloc|lock)(-fork-\\d+)?\\.(jfr|json|log|folded)"
            + "|flamegraph-(cpu|alloc|lock)(-fork-\\d+|-diff)?\\.html");

    private RunFolder() {
    }

    /** @param folders the workloads' folders, relative to {@code dir} */
    static void clearPreviousRun(Path dir, List<String> folders) throws IOException {
        for (String name : RUN_FILES) {
            Files.deleteIfExists(dir.resolve(name));
        }
        for (String name : folders) {
            Path folder = dir.resolve(name);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path f : files) {
                    if (Files.isRegularFile(f) && FORK_FILE.matcher(f.getFileName().toString()).matches()) {
                        Files.delete(f);
                    }
                }
            }
        }
        // an earlier run's second run of its regressed workloads (RegressionConfirmation) must not pass for this one's
        Path confirmation = dir.resolve(RegressionConfirmation.FOLDER);
        if (Files.isDirectory(confirmation)) {
            clearPreviousRun(confirmation, folders);
        }
    }
}
