package io.flightdeck.harness.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdsTest {

    @TempDir
    Path dir;

    @Test
    void anIdIsTheTimeToTheSecondAndTheName() {
        assertThat(RunIds.asked(java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5), "quick"))
                .isEqualTo("20260102-030405-quick");
    }

    @Test
    void anIdIsHandedOutOnce() throws Exception {
        RunIds ids = new RunIds(new Home(dir));
        assertThat(ids.claim("20260101-120000-quick")).isTrue();
        assertThat(ids.claim("20260101-120000-quick")).isFalse();
        assertThat(new RunIds(new Home(dir)).claim("20260101-120000-quick")).as("by another process's view").isFalse();
        assertThat(ids.claim("20260101-120000-quick-2")).isTrue();
    }

    /** A marker only has to outlive the second its id can be asked for in; older ones go as new ones come. */
    @Test
    void markersOfEarlierDaysAreForgotten() throws Exception {
        Instant now = Instant.parse("2026-01-02T12:00:00Z");
        RunIds ids = new RunIds(new Home(dir), Clock.fixed(now, ZoneOffset.UTC));
        assertThat(ids.claim("old")).isTrue();
        assertThat(ids.claim("recent")).isTrue();
        Path folder = dir.resolve(RunIds.FOLDER);
        Files.setLastModifiedTime(folder.resolve("old"), FileTime.from(now.minus(RunIds.KEPT).minusSeconds(1)));
        Files.setLastModifiedTime(folder.resolve("recent"), FileTime.from(now.minus(Duration.ofHours(1))));
        assertThat(ids.claim("new")).isTrue();
        assertThat(folder.resolve("old")).doesNotExist();
        assertThat(folder.resolve("recent")).exists();
    }

    /** An id is one file in the ids folder whatever it holds: none reaches outside it. */
    @Test
    void anIdCannotNameAFileOutsideTheFolder() throws Exception {
        RunIds ids = new RunIds(new Home(dir.resolve("home")));
        assertThat(ids.claim("../../escape")).isTrue();
        assertThat(ids.claim("..")).isTrue();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).allMatch(p -> p.getParent().equals(dir.resolve("home/ids")));
        }
    }
}
