package io.flightdeck.child.files;

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

    /** "No space left on device" alone does not say where: the error names the file, as a line a user can act on. */
    @Test
    void aFailedWriteNamesItsFile() {
        Path file = dir.resolve("run/report.md");
        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            throw new IOException("No space left on device");
        })).isInstanceOf(ResultWriteException.class)
                .hasMessage("cannot write " + file.toAbsolutePath() + ": No space left on device");
    }

    @Test
    void aFolderInTheWayIsNamedWithTheFile() throws IOException {
        Path file = dir.resolve("report.html");
        Files.createDirectories(file.resolve("inside"));
        assertThatThrownBy(() -> AtomicFile.writeString(file, "page")).isInstanceOf(ResultWriteException.class)
                .hasMessageStartingWith("cannot write " + file.toAbsolutePath() + ": ");
    }
}
