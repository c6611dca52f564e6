package io.flightdeck.harness.home;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The git commit a run was built from, asked of the {@code git} command; null outside a repository or without git. */
public final class GitCommit {

    private static final long TIMEOUT_SECONDS = 5;

    private GitCommit() {
    }

    /** The commit id, with "-dirty" when the working tree has uncommitted changes; null when git cannot say. */
    public static String of(Path directory) {
        String head = git(directory, "rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40}")) {
            return null;
        }
        String status = git(directory, "status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path directory, String... args) {
        // --no-optional-locks: `status` would otherwise refresh the index under index.lock, racing the user's git
        List<String> command = new ArrayList<>(List.of("git", "--no-optional-locks", "-C", directory.toString()));
        command.addAll(List.of(args));
        Path output = null;
        try {
            output = Files.createTempFile("flightdeck-git", ".out");
            // into a file, not a pipe: a git that hangs cannot block the read, only run into the time limit
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? Files.readString(output, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null; // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
