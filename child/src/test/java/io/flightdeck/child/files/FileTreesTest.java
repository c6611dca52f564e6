package io.flightdeck.child.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path dir;

    @Test
    void aTreeIsDeletedWholeAndAMissingOneIsNoError() throws Exception {
        Path tree = dir.resolve("t");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/f"), "x");
        Files.writeString(tree.resolve("g"), "y");
        FileTrees.deleteTree(tree);
        assertThat(tree).doesNotExist();
        FileTrees.deleteTree(tree);
        FileTrees.deleteTree(null);
        FileTrees.deleteQuietly(tree);
    }

    @Test
    void aLinkIsDeletedNotFollowed() throws Exception {
        Path kept = Files.createDirectories(dir.resolve("kept"));
        Files.writeString(kept.resolve("f"), "x");
        Path tree = Files.createDirectories(dir.resolve("t"));
        Files.createSymbolicLink(tree.resolve("link"), kept);
        Files.createSymbolicLink(tree.resolve("dangling"), dir.resolve("nowhere"));
        FileTrees.deleteTree(tree);
        assertThat(tree).doesNotExist();
        assertThat(kept.resolve("f")).exists();
    }

    @Test
    void aMoveRenames() throws Exception {
        Path from = Files.createDirectories(dir.resolve("from"));
        Files.writeString(from.resolve("f"), "x");
        FileTrees.moveAtomically(from, dir.resolve("to"));
        assertThat(dir.resolve("to/f")).hasContent("x");
        assertThat(from).doesNotExist();
    }
}
