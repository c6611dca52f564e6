package io.flightdeck.harness.layout;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one authority on what a run folder holds and what each file is called: the run's reports, the environment,
 * the lock, a folder per workload with each fork's files, the leak checks' and the confirmation's folders, and the
 * comparison's files. Every class that writes or reads a run folder takes its names from here, so a rename is made
 * once and the folder a run clears before it starts is exactly the folder it writes.
 *
 * <pre>
 * &lt;run&gt;/report.json, report.md, report.html     the run's reports (report.json written last)
 * &lt;run&gt;/environment.json                         the machine and the children's java
 * &lt;run&gt;/interrupted.txt                          only for a run stopped before its reports
 * &lt;run&gt;/.flightdeck.lock                         held while a run uses the folder
 * &lt;run&gt;/comparison.json, comparison.md           a comparison against a baseline
 * &lt;run&gt;/&lt;workload&gt;/recording.jfr, result.json, spec.json, child-stdout.log, child-stderr.log,
 *          analysis.json, cpu|alloc|lock|wall.folded, flamegraph-cpu|alloc|lock.html
 *          (fork N after the first: recording-fork-N.jfr and so on; flamegraph-cpu-diff.html from a comparison)
 * &lt;run&gt;/leak-check/&lt;workload&gt;/...                 the leak checks, laid out as workloads
 * &lt;run&gt;/confirmation/...                         the second run of regressed workloads, a run folder itself
 * </pre>
 */
public final class RunLayout {

    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_HTML = "report.html";
    public static final String ENVIRONMENT_JSON = "environment.json";
    /** Left in the run folder of a run interrupted before its reports were written (and then there are none). */
    public static final String INTERRUPTED = "interrupted.txt";
    /** Held by the run that uses the folder; left in place afterwards, as deleting a lock file races its next user. */
    public static final String LOCK = ".flightdeck.lock";
    public static final String COMPARISON_JSON = "comparison.json";
    public static final String COMPARISON_MD = "comparison.md";
    public static final String COMPARISON_HTML = "comparison.html";
    /** The second run of the regressed workloads, inside the first run's folder. */
    public static final String CONFIRMATION = "confirmation";
    /** The leak checks of a run, a subfolder per workload. */
    public static final String LEAK_CHECKS = "leak-check";

    /** The bases of a fork's files, each made a file name by {@link #forkFile}. */
    public static final String RESULT = "result";
    public static final String RECORDING = "recording";
    public static final String SPEC = "spec";
    public static final String CHILD_STDOUT = "child-stdout";
    public static final String CHILD_STDERR = "child-stderr";
    public static final String ANALYSIS = "analysis";

    /** The reports a finished run has: all of them or, after an interruption, none. */
    public static final List<String> REPORTS = List.of(REPORT_JSON, REPORT_MD, REPORT_HTML);

    private static final List<String> RUN_FILES = List.of(REPORT_JSON, REPORT_MD, REPORT_HTML, ENVIRONMENT_JSON,
            INTERRUPTED, COMPARISON_JSON, COMPARISON_MD, COMPARISON_HTML);
    /** What a fork leaves in its workload's folder, and its recording's analysis: fork 1 plain, later "-fork-N". */
    private static final Pattern FORK_FILE = Pattern.compile("(" + RECORDING + "|" + RESULT + "|" + SPEC + "|"
            + CHILD_STDOUT + "|" + CHILD_STDERR + "|" + ANALYSIS + "|cpu|alloc|lock|wall)(-fork-\\d+)?"
            + "\\.(jfr|json|log|folded)|flamegraph-(cpu|alloc|lock)(-fork-\\d+|-diff)?\\.html");

    private RunLayout() {
    }

    /** Fork 1 writes recording.jfr and result.json; fork N after it, recording-fork-N.jfr and so on. */
    public static String forkFile(String base, String extension, int fork) {
        return fork == 1 ? base + "." + extension : base + "-fork-" + fork + "." + extension;
    }

    /** A profile's folded stacks: {@code cpu.folded}, {@code alloc-fork-2.folded}. */
    public static String folded(String kind, int fork) {
        return forkFile(kind, "folded", fork);
    }

    /**
     * The folded stacks of one kind of every fork: "cpu.folded" (fork 1), "cpu-fork-2.folded"...; group 1 is the
     * fork's number, absent for fork 1.
     */
    public static Pattern foldedOfAnyFork(String kind) {
        return Pattern.compile(Pattern.quote(kind) + "(?:-fork-(\\d{1,6}))?\\.folded");
    }

    /** A profile's flame graph: {@code flamegraph-cpu.html}, {@code flamegraph-cpu-fork-2.html}. */
    public static String flameGraph(String kind, int fork) {
        return forkFile("flamegraph-" + kind, "html", fork);
    }

    /** A comparison's differential flame graph, in the current run's workload folder: "flamegraph-cpu-diff.html". */
    public static String differentialFlameGraph(String kind) {
        return "flamegraph-" + kind + "-diff.html";
    }

    /** A workload's folder in a run. */
    public static Path workloadFolder(Path run, String workload) {
        return run.resolve(workload);
    }

    /** The leak checks' folder of a run. */
    public static Path leakCheckFolder(Path run) {
        return run.resolve(LEAK_CHECKS);
    }

    /** A leak-checked workload's folder, relative to its run folder, as a run clears it: "leak-check/NAME". */
    public static String leakCheckWorkload(String workload) {
        return LEAK_CHECKS + "/" + workload;
    }

    /** The confirmation run's folder inside a run. */
    public static Path confirmationFolder(Path run) {
        return run.resolve(CONFIRMATION);
    }

    /** Whether a file in a workload's folder is one a fork or its analysis writes. */
    public static boolean isForkFile(String name) {
        return FORK_FILE.matcher(name).matches();
    }

    /**
     * Removes an earlier run's results from {@code dir} (a CI job's fixed output folder), so that a run that dies
     * half-way cannot leave an old report saying "passed". Only files Flightdeck writes are touched.
     *
     * @param folders the workloads' folders, relative to {@code dir}
     */
    public static void clearPreviousRun(Path dir, List<String> folders) throws IOException {
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
                    if (Files.isRegularFile(f) && isForkFile(f.getFileName().toString())) {
                        Files.delete(f);
                    }
                }
            }
        }
        // an earlier run's second run of its regressed workloads must not pass for this one's
        Path confirmation = confirmationFolder(dir);
        if (Files.isDirectory(confirmation)) {
            clearPreviousRun(confirmation, folders);
        }
    }
}
