package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.files.FileTrees;

/** {@code analyze --force} replaces an earlier analysis only once the new one is in its place. */
class AnalysisFolderTest {

    @TempDir
    Path dir;

    private Path earlier() throws IOException {
        Path target = dir.resolve("app-analysis");
        Files.createDirectories(target);
        Files.writeString(target.resolve("analysis.json"), "earlier");
        return target;
    }

    private List<Path> hidden() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    @Test
    void aFailedRenameOfTheNewFolderPutsTheEarlierOneBack() throws Exception {
        Path target = earlier();
        AnalysisFolder folder = AnalysisFolder.claim(target, true);
        Files.writeString(folder.staging().resolve("analysis.json"), "new");
        AnalysisFolder.Move failingForTheNewFolder = (from, to) -> {
            if (from.equals(folder.staging())) {
                throw new IOException("disk gone");
            }
            FileTrees.moveAtomically(from, to);
        };

        assertThatThrownBy(() -> folder.publish(true, failingForTheNewFolder)).hasMessage("disk gone");

        assertThat(target.resolve("analysis.json")).hasContent("earlier");
        folder.abandon();
        assertThat(hidden()).isEmpty();
    }

    @Test
    void anotherAnalysisThatGotThereFirstKeepsItsFolderAndTheEarlierOneIsNotLeftHidden() throws Exception {
        Path target = earlier();
        AnalysisFolder folder = AnalysisFolder.claim(target, true);
        Files.writeString(folder.staging().resolve("analysis.json"), "ours");
        AnalysisFolder.Move racing = (from, to) -> {
            if (from.equals(folder.staging())) { // the other analyze's rename lands just before ours
                Files.createDirectories(target);
                Files.writeString(target.resolve("analysis.json"), "theirs");
            }
            FileTrees.moveAtomically(from, to);
        };

        assertThatThrownBy(() -> folder.publish(true, racing)).isInstanceOf(UsageException.class)
                .hasMessageContaining("another analysis");

        assertThat(target.resolve("analysis.json")).hasContent("theirs");
        folder.abandon();
        assertThat(hidden()).isEmpty();
    }
}
