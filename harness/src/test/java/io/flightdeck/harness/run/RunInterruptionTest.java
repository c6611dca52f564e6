package io.flightdeck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunInterruptionTest {

    @TempDir
    Path dir;

    private static final List<String> REPORTS = List.of("report.json", "report.md", "report.html");

    @Test
    void aRunInterruptedBeforeItsReportsIsMarkedAndKeepsNoReport() throws Exception {
        Files.writeString(dir.resolve("report.md"), "half of a report set"); // as if written just before the kill
        try (RunInterruption watch = RunInterruption.watch(dir, "r1", REPORTS)) {
            watch.interrupt(); // what the shutdown hook does on Ctrl-C
            assertThat(dir.resolve(RunInterruption.FILE)).content().contains("r1", "interrupted");
            assertThat(dir.resolve("report.md")).doesNotExist();
            assertThatThrownBy(() -> watch.writeReports(() -> Files.writeString(dir.resolve("report.json"), "{}")))
                    .hasMessageContaining("interrupted");
            assertThat(dir.resolve("report.json")).doesNotExist();
        }
    }

    @Test
    void aFinishedRunIsNotMarked() throws Exception {
        try (RunInterruption watch = RunInterruption.watch(dir, "r1", REPORTS)) {
            watch.writeReports(() -> Files.writeString(dir.resolve("report.json"), "{}"));
            watch.interrupt();
        }
        assertThat(dir.resolve(RunInterruption.FILE)).doesNotExist();
        assertThat(dir.resolve("report.json")).exists();
    }

    @Test
    void aReportThatFailsTakesTheOnesWrittenBeforeItAlong() throws Exception {
        try (RunInterruption watch = RunInterruption.watch(dir, "r1", REPORTS)) {
            assertThatThrownBy(() -> watch.writeReports(() -> {
                Files.writeString(dir.resolve("report.md"), "md");
                throw new IOException("No space left on device");
            })).hasMessageContaining("No space");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
