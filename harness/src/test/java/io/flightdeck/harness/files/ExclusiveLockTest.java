package io.flightdeck.harness.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExclusiveLockTest {

    @TempDir
    Path dir;

    /** One lock file named two ways, through a linked folder, is one lock: the second claim is "in use", no crash. */
    @Test
    void theSameFileThroughALinkedFolderIsOneLock() throws Exception {
        Path real = Files.createDirectories(dir.resolve("home"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);
        try (ExclusiveLock held = ExclusiveLock.tryAcquire(real.resolve(".lock"))) {
            assertThat(held).isNotNull();
            assertThat(ExclusiveLock.tryAcquire(linked.resolve(".lock"))).isNull();
        }
        try (ExclusiveLock again = ExclusiveLock.tryAcquire(linked.resolve(".lock"))) {
            assertThat(again).as("free once released").isNotNull();
        }
    }
}
