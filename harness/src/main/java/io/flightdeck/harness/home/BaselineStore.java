package io.flightdeck.harness.home;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flightdeck.harness.files.ExclusiveLock;
import io.flightdeck.child.files.FileTrees;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;
import io.flightdeck.harness.text.TerminalText;

/**
 * Saved baselines, each a folder {@code <home>/baselines/<name>/}: the run's {@code report.json} (per-iteration
 * samples, percentiles, resources), {@code environment.json}, each workload's folded stacks
 * ({@code <workload>/cpu.folded}, {@code alloc.folded}, {@code lock.folded}: what a differential flame graph needs)
 * and {@code baseline.json} saying where it came from. Recordings stay behind: they are large, and the stacks are
 * what a comparison reads.
 *
 * <p>A save is filled under a temporary name and renamed into place, under a lock, so a baseline is either the old
 * one or the new one, never half of each: a failed save puts the old one back. Only a process killed between the two
 * renames of a replacement leaves the old one under a hidden {@code .replaced-} name and none under its own; the next
 * save puts it back (and deletes a killed save's staging folder).
 *
 * <p>A baseline's report is read back one way only, by {@code report.ReportFile.read} (compare, run --baseline and
 * the confirmation run all go through it), so a baseline edited by hand or cut short gets every check a
 * {@code report.json} gets.
 */
public final class BaselineStore {

    public static final String REPORT = RunLayout.REPORT_JSON;
    public static final String ENVIRONMENT = RunLayout.ENVIRONMENT_JSON;
    public static final String ABOUT = "baseline.json";
    /** Letters, digits, dot, dash, underscore; not starting with a dot (the store's own temporary folders do). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
    private static final String REPLACED = ".replaced-";
    /** "-" and a UUID's 36 characters. */
    private static final int UUID_SUFFIX = 37;
    /** The kinds of stacks a comparison diffs: a baseline keeps each fork's. */
    private static final List<String> STACK_KINDS = List.of("cpu", "alloc", "lock");
    private static final List<String> STACKS = STACK_KINDS.stream().map(k -> RunLayout.folded(k, 1)).toList();
    private static final List<Pattern> ANY_FORK_STACKS = STACK_KINDS.stream().map(RunLayout::foldedOfAnyFork)
            .toList();

    private final Path root;

    public BaselineStore(Home home) {
        this.root = home.baselines();
    }

    /**
     * What a saved baseline says about itself.
     *
     * @param name      its name
     * @param savedAt   when it was saved
     * @param runId     the run it holds
     * @param runFolder where that run's folder was
     * @param commit    the git commit the run was built from, null outside git
     */
    public record About(String name, Instant savedAt, String runId, String runFolder, String commit) {
    }

    /** Checks a name a user gave; the message is the one line they see. */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals("..")) {
            // the name as typed may hold escape sequences or be a megabyte long: shown safe and cut
            throw new IllegalArgumentException("baseline name '" + TerminalText.truncate(String.valueOf(name), 70)
                    + "': use up to 64 letters, digits, '.', '-' or '_', not starting with '.'");
        }
    }

    public Path folder(String name) {
        checkName(name);
        return root.resolve(name);
    }

    public boolean exists(String name) {
        return Files.isRegularFile(folder(name).resolve(REPORT));
    }

    /**
     * Saves the run in {@code runFolder} as baseline {@code name}, replacing any baseline of that name: {@code report}
     * as its report.json, and the folded stacks of the run folder's workloads.
     */
    public Path save(String name, Path runFolder, RunReport report, String commit) throws IOException {
        Path target = folder(name);
        Files.createDirectories(root);
        Path staging = root.resolve(".saving-" + name + "-" + UUID.randomUUID());
        // two saves of one name must not interleave their renames, in two processes or in two threads of one
        try (ExclusiveLock ignored = ExclusiveLock.acquire(root.resolve(".lock"))) {
            recoverInterruptedSaves();
            try {
                fill(staging, name, runFolder, report, commit);
                swapIn(staging, target);
            } finally {
                // still under the lock, so no other save's recovery is deleting it too; best effort, so that the
                // failure the user sees is the save's own (a folder left is tidied by the next save)
                FileTrees.deleteQuietly(staging); // only there when something failed before the swap
            }
        }
        return target;
    }

    private static void fill(Path staging, String name, Path runFolder, RunReport report, String commit)
            throws IOException {
        Files.createDirectories(staging);
        // the report as given, not the run folder's file: a run saves its baseline before it writes its reports
        Json.writeAtomically(Json.mapper(), staging.resolve(REPORT), report);
        if (Files.isRegularFile(runFolder.resolve(ENVIRONMENT))) {
            Files.copy(runFolder.resolve(ENVIRONMENT), staging.resolve(ENVIRONMENT));
        }
        for (WorkloadReport w : report.workloads()) {
            for (String stacks : STACKS) {
                Path from = runFolder.resolve(w.name()).resolve(stacks);
                if (Files.isRegularFile(from)) {
                    Files.createDirectories(staging.resolve(w.name()));
                    Files.copy(from, staging.resolve(w.name()).resolve(stacks));
                }
            }
            copyLaterForks(runFolder.resolve(w.name()), staging.resolve(w.name()));
        }
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(staging.resolve(ABOUT).toFile(),
                new About(name, Instant.now(), report.runId(), runFolder.toString(), commit));
    }

    /** "cpu-fork-2.folded" and the like: a later fork's stacks (the first fork's are {@link #STACKS}). */
    private static boolean isLaterForkStacks(String file) {
        return ANY_FORK_STACKS.stream().map(p -> p.matcher(file)).anyMatch(m -> m.matches() && m.group(1) != null);
    }

    /** Every fork's stacks ("cpu-fork-2.folded", ...): a comparison merges a side's forks before it diffs them. */
    private static void copyLaterForks(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(from,
                f -> isLaterForkStacks(f.getFileName().toString()) && Files.isRegularFile(f))) {
            for (Path f : files) {
                Files.createDirectories(to);
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }

    /**
     * Tidies after saves that were killed half-way; called under the lock, so no save is running. A staging folder
     * is deleted; a baseline renamed aside for its replacement is put back under its name when the replacement never
     * arrived, else deleted.
     */
    private void recoverInterruptedSaves() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(root, ".{saving,replaced}-*")) {
            for (Path p : leftovers) {
                String n = p.getFileName().toString();
                if (n.startsWith(REPLACED) && n.length() > REPLACED.length() + UUID_SUFFIX) {
                    Path own = root.resolve(n.substring(REPLACED.length(), n.length() - UUID_SUFFIX));
                    if (!Files.exists(own) && NAME.matcher(own.getFileName().toString()).matches()) {
                        FileTrees.moveAtomically(p, own);
                        continue;
                    }
                }
                FileTrees.deleteTree(p);
            }
        }
    }

    /** The saved baselines' names, sorted. */
    public List<String> names() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                String n = d.getFileName().toString();
                if (!n.startsWith(".") && Files.isRegularFile(d.resolve(REPORT))) {
                    names.add(n);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * Puts the staged folder in the target's place. A folder cannot replace a non-empty one in one rename, so the
     * old one is first renamed aside; the window in which neither name exists is the two renames, and the old folder
     * is only deleted once the new one is in place.
     */
    private static void swapIn(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling(REPLACED + target.getFileName() + "-" + UUID.randomUUID());
            FileTrees.moveAtomically(target, old);
        }
        try {
            FileTrees.moveAtomically(staging, target);
        } catch (IOException e) {
            if (old != null) {
                // the old baseline back under its name: the save failed, nothing else changed
                FileTrees.moveAtomically(old, target);
            }
            throw e;
        }
        if (old != null) {
            FileTrees.deleteTree(old);
        }
    }
}
