package io.flightdeck.harness.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileWholeAndNoTemporaryBehind() throws IOException {
        Path file = dir.resolve("report.json");
        AtomicFile.writeString(file, "{\"old\":true}");
        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write("{\"new\":".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full, say");
        })).hasMessageContaining("disk full");

        assertThat(file).hasContent("{\"old\":true}");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWriteReplacesTheFileAndCreatesItsFolder() throws IOException {
        Path file = dir.resolve("a/b/result.json");
        AtomicFile.writeString(file, "one");
        AtomicFile.writeString(file, "two");
        assertThat(file).hasContent("two");
        assertThat(Files.getPosixFilePermissions(file).toString()).contains("OTHERS_READ");
    }
}
