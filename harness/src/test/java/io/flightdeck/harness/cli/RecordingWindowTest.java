package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import jdk.jfr.Recording;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.profiling.ChunkHeader;

/**
 * {@code --from}/{@code --to} against the recording they window: a window that misses it is refused naming the
 * recording's span, one that reaches past an end is read with a warning that names it.
 */
class RecordingWindowTest {

    @TempDir
    static Path dir;
    static Path recording;
    static Instant start;
    static Instant end;

    @BeforeAll
    static void record() throws Exception {
        recording = dir.resolve("short.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.JavaMonitorWait");
            r.start();
            Thread.sleep(50);
            r.stop();
            r.dump(recording);
        }
        start = ChunkHeader.read(recording).start();
        end = ChunkHeader.end(recording).orElseThrow();
    }

    @Test
    void theRecordingsEndIsAfterItsStart() {
        assertThat(end).isAfter(start);
    }

    @Test
    void aWindowAfterTheRecordingIsRefusedWithItsSpan() {
        Path out = dir.resolve("after");
        CommandLineRunner r = CommandLineRunner.run("analyze", recording.toString(), "--from",
                "2099-01-01T00:00:00Z", "--out", out.toString());
        r.assertUsage("--from 2099-01-01T00:00:00Z is after the recording ends: nothing to read (the recording spans ");
        assertThat(out).doesNotExist();
        CommandLineRunner.run("analyze", recording.toString(), "--from", "1h", "--out", out.toString())
                .assertUsage("after the recording ends");
        CommandLineRunner.run("flamegraph", recording.toString(), "--from", "2099-01-01T00:00:00Z",
                "-o", dir.resolve("g.html").toString()).assertUsage("after the recording ends");
        assertThat(dir.resolve("g.html")).doesNotExist();
    }

    @Test
    void aWindowBeforeTheRecordingIsRefused() {
        CommandLineRunner.run("analyze", recording.toString(), "--to", "2000-01-01T00:00:00Z",
                "--out", dir.resolve("before").toString()).assertUsage("is before the recording starts");
        CommandLineRunner.run("analyze", recording.toString(), "--to", "0s",
                "--out", dir.resolve("before").toString()).assertUsage("is before the recording starts");
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() {
        CommandLineRunner.run("analyze", recording.toString(), "--from", "2099-01-01T00:00:00Z", "--to",
                "2098-01-01T00:00:00Z").assertUsage("--to must be later than --from");
    }

    @Test
    void aWindowReachingPastTheRecordingIsReadWithAWarning() {
        CommandLineRunner r = CommandLineRunner.run("flamegraph", recording.toString(), "--from",
                "2000-01-01T00:00:00Z", "--to", "1h", "-o", dir.resolve("wide.html").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).startsWith("warning: --from 2000-01-01T00:00:00Z and --to 1h reach beyond the recording"
                + " (the recording spans ").contains(" s): only what it holds is read");
        assertThat(r.err().strip()).doesNotContain("\n");
    }
}
