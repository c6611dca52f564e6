package io.flightdeck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.runner.AnnouncedChild;
import io.flightdeck.api.WorkloadContext;

/**
 * Ctrl-C (SIGINT; here SIGTERM, which runs the same shutdown hooks) in the middle of a run: the child is stopped,
 * its scratch store deleted (the sweep found 118 MB left), and the folder says the run was interrupted, with no
 * report that looks complete.
 */
class InterruptedRunTest {

    /** Far beyond what the shutdown needs; the test asserts that it ends, never how fast. */
    private static final long GENEROUS_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void anInterruptedRunStopsItsChildDeletesItsStoreAndSaysSo() throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), InterruptedRunMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        Optional<ProcessHandle> child = Optional.empty();
        try {
            child = ProcessHandle.of(AnnouncedChild.pid(run));
            Path scratch = Files.createDirectories(dir.resolve("test-hang").resolve(WorkloadContext.SCRATCH_FOLDER));
            Files.writeString(scratch.resolve("default.db-wal"), "the store's write-ahead log");

            run.destroy(); // SIGTERM: the shutdown hooks run, as on Ctrl-C
            assertThat(run.waitFor(GENEROUS_SECONDS, TimeUnit.SECONDS)).isTrue();

            assertThat(child.get().onExit().completeOnTimeout(null, GENEROUS_SECONDS, TimeUnit.SECONDS).get())
                    .isNotNull();
            assertThat(scratch).doesNotExist();
            assertThat(dir.resolve(ProfilingRun.INTERRUPTED)).content().contains("interrupted");
            assertThat(dir.resolve(ProfilingRun.REPORT_JSON)).doesNotExist();
            assertThat(dir.resolve(ProfilingRun.REPORT_HTML)).doesNotExist();
        } finally {
            run.destroyForcibly();
            child.ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
