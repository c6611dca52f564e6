package io.flightdeck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.workload.WorkloadContext;

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
            child = ProcessHandle.of(childPid(run));
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

    private static long childPid(Process parent) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.startsWith("child ")) {
                return Long.parseLong(line.substring("child ".length()).strip());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the run ended without starting a child:\n" + seen);
    }
}
