package io.flightdeck.harness.ab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.flightdeck.child.files.AtomicFile;
import io.flightdeck.child.files.FileTrees;
import io.flightdeck.harness.files.ExclusiveLock;
import io.flightdeck.harness.run.RunInputException;
import io.flightdeck.harness.workload.UserClassPath;

/**
 * The two builds of an A/B comparison. A commit is checked out as a git worktree in the cache folder and built
 * there once: the cache is keyed by the commit and the recipe (command, class path, module, JDK), so the next
 * comparison against the same base starts at once. The working tree, which has no commit to key on, is built in
 * place every time. Builds run with this program's JDK as JAVA_HOME, so both sides are compiled alike.
 */
public final class RevisionBuilds {

    /**
     * A revision to build.
     *
     * @param ref         as the user named it ("main", "HEAD~1"); "working tree" for the working tree
     * @param commit      the commit it names; for the working tree, the commit it was checked out from
     * @param workingTree the working tree, changes and all, built in place
     */
    public record Revision(String ref, String commit, boolean workingTree) {

        /** "main (3f2a9c1b0d4e)", "working tree (on 3f2a9c1b0d4e)". */
        public String label() {
            String c = commit.substring(0, Math.min(12, commit.length()));
            return workingTree ? "working tree (on " + c + ")" : ref + " (" + c + ")";
        }
    }

    /** A built revision and the class path its workloads run on. */
    public record Built(Revision revision, Path checkout, UserClassPath classPath, boolean cached, Path log) {
    }

    private final Path repository;
    private final Path cache;
    private final BuildRecipe recipe;
    private final Consumer<String> say;

    /**
     * @param repository the top of the git working tree
     * @param cache      where worktrees and their build logs are kept
     * @param say        told of each build as it starts
     */
    public RevisionBuilds(Path repository, Path cache, BuildRecipe recipe, Consumer<String> say) {
        this.repository = repository;
        this.cache = cache;
        this.recipe = recipe;
        this.say = say;
    }

    /** The top of the git working tree {@code dir} is in. */
    public static Path repositoryRoot(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunInputException("--repo " + dir + ": no such folder");
        }
        String top = git(dir, "rev-parse", "--show-toplevel").strip();
        return Path.of(top);
    }

    /** The revision {@code ref} names; null names the working tree. */
    public Revision revision(String ref, String option) {
        if (ref == null) {
            return new Revision("working tree", git(repository, "rev-parse", "--verify", "HEAD^{commit}").strip(),
                    true);
        }
        String commit;
        try {
            commit = git(repository, "rev-parse", "--verify", "--quiet", ref + "^{commit}").strip();
        } catch (RunInputException e) {
            throw new RunInputException(option + " " + ref + ": no such commit in " + repository);
        }
        return new Revision(ref, commit, false);
    }

    /**
     * The revision built, from the cache when it holds it.
     *
     * @throws RunInputException when the build fails, naming its log
     */
    public Built build(Revision revision) throws IOException {
        Files.createDirectories(cache);
        if (revision.workingTree()) {
            Path log = cache.resolve("working-tree.build.log");
            // two comparisons building the same tree at once would write into each other's target folders
            try (ExclusiveLock lock = ExclusiveLock.acquire(cache.resolve("working-tree.lock"))) {
                say.accept("building the working tree in " + repository);
                runBuild(repository, log, revision);
                return new Built(revision, repository, classPath(repository, revision), false, log);
            }
        }
        String name = revision.commit().substring(0, 12) + "-" + digest(recipe.key(javaHome()));
        Path checkout = cache.resolve(name);
        Path done = cache.resolve(name + ".classpath");
        Path log = cache.resolve(name + ".build.log");
        try (ExclusiveLock lock = ExclusiveLock.acquire(cache.resolve("builds.lock"))) {
            if (Files.isRegularFile(done) && Files.isDirectory(checkout)) {
                return new Built(revision, checkout, parse(Files.readString(done), revision), true, log);
            }
            if (Files.exists(checkout)) { // a build that stopped half-way: start it afresh
                tryGit(repository, "worktree", "remove", "--force", checkout.toString());
                FileTrees.deleteQuietly(checkout);
                tryGit(repository, "worktree", "prune");
            }
            git(repository, "worktree", "add", "--detach", "--force", checkout.toString(), revision.commit());
            say.accept("building " + revision.label() + " in " + checkout);
            runBuild(checkout, log, revision);
            String classPath = classPathText(checkout, revision);
            UserClassPath parsed = parse(classPath, revision);
            AtomicFile.writeString(done, classPath);
            return new Built(revision, checkout, parsed, false, log);
        }
    }

    private void runBuild(Path dir, Path log, Revision revision) throws IOException {
        recipe.clearClassPathFile(dir); // a file an earlier build left must not pass for this one's
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", recipe.effectiveCommand()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("JAVA_HOME", javaHome());
        Process p = pb.start();
        // stopped with this JVM (Ctrl-C, a cancelled build): a build left running would write into a worktree the
        // next comparison takes for half-built and deletes
        Thread stop = new Thread(() -> destroyTree(p), "flightdeck-stop-build");
        Runtime.getRuntime().addShutdownHook(stop);
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            destroyTree(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building " + revision.label(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs
            }
        }
        if (code != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String last = lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(no output)");
            throw new RunInputException("the build of " + revision.label() + " failed (exit " + code + "; `"
                    + recipe.effectiveCommand() + "`); its log is " + log + ", ending: " + last.strip());
        }
    }

    private static void destroyTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private UserClassPath classPath(Path checkout, Revision revision) {
        return parse(classPathText(checkout, revision), revision);
    }

    private String classPathText(Path checkout, Revision revision) {
        try {
            return recipe.classPathIn(checkout);
        } catch (IOException e) {
            throw new RunInputException("the build of " + revision.label() + ": " + e.getMessage());
        }
    }

    private static UserClassPath parse(String text, Revision revision) {
        try {
            return UserClassPath.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new RunInputException("the class path of " + revision.label() + ": " + e.getMessage());
        }
    }

    private static String javaHome() {
        return System.getProperty("java.home");
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void tryGit(Path dir, String... args) {
        try {
            git(dir, args);
        } catch (RunInputException e) {
            // tidying only: a worktree git no longer knows is removed by hand after
        }
    }

    /** Runs git in {@code dir}; its stdout, or a RunInputException with its first stderr line. */
    static String git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Path errors = null;
        try {
            errors = Files.createTempFile("flightdeck-git", ".err");
            // stderr to a file: read after stdout, a pipe of it could fill and stall git
            Process p = new ProcessBuilder(command).redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                destroyTree(p);
                throw new RunInputException("git " + String.join(" ", args) + " in " + dir + " did not finish in 5 "
                        + "minutes");
            }
            if (p.exitValue() != 0) {
                String first = Files.readString(errors, StandardCharsets.UTF_8).strip().lines().findFirst()
                        .orElse("");
                throw new RunInputException("git " + String.join(" ", args) + " in " + dir + " failed"
                        + (first.isEmpty() ? "" : ": " + first));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunInputException("git could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInputException("interrupted while git ran");
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }
}
