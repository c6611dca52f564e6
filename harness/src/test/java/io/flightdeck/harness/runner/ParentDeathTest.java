package io.flightdeck.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.api.WorkloadContext;

/**
 * A parent killed with SIGKILL runs no shutdown hook and cannot stop its children: they must notice and end
 * themselves (the sweep found one re-parented to PID 1 and running on with no time limit), deleting their scratch.
 */
class ParentDeathTest {

    /** Far beyond what a child needs to notice; the test asserts that it ends, never how fast. */
    private static final long GENEROUS_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void aChildWhoseParentIsKilledEndsItselfAndDeletesItsScratch() throws Exception {
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ParentOfAHangingChildMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        Optional<ProcessHandle> child = Optional.empty();
        try {
            long pid = AnnouncedChild.pid(parent);
            child = ProcessHandle.of(pid);
            assertThat(child).as("the child is running").isPresent();
            Path scratch = Files.createDirectories(dir.resolve("test-hang").resolve(WorkloadContext.SCRATCH_FOLDER));
            Files.writeString(scratch.resolve("default.db"), "a database the child had open");

            parent.destroyForcibly(); // SIGKILL: no shutdown hook of the parent runs
            assertThat(parent.waitFor(GENEROUS_SECONDS, TimeUnit.SECONDS)).isTrue();

            assertThat(child.get().onExit().completeOnTimeout(null, GENEROUS_SECONDS, TimeUnit.SECONDS).get())
                    .as("the orphaned child ended").isNotNull();
            assertThat(child.get().isAlive()).isFalse();
            assertThat(scratch).as("its scratch store is gone with it").doesNotExist();
        } finally {
            parent.destroyForcibly();
            child.ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
