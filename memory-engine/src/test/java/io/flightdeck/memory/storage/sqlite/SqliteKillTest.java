package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.model.Episode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a store promises when its process is killed with SIGKILL: every write that returned is there. */
class SqliteKillTest {

    private static final int COMPLETIONS_BEFORE_KILL = 200;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyEpisodeCompletedBeforeKillNineIsThereAfterReopen() throws Exception {
        Path file = dir.resolve("killed.db");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                KillNineChild.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        UUID inProgress;
        List<UUID> completed = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            assertThat(first).as("the child's first line (did it start?)").startsWith("in-progress ");
            inProgress = UUID.fromString(first.substring("in-progress ".length()));
            while (completed.size() < COMPLETIONS_BEFORE_KILL) {
                String line = lines.readLine();
                assertThat(line).as("the child died after %d completions", completed.size()).isNotNull();
                completed.add(UUID.fromString(line));
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);

        try (SqliteEpisodeStore reopened = SqliteEpisodeStore.open(file, SqliteOptions.DEFAULT.withVerifyOnOpen(true))) {
            for (UUID id : completed) {
                Episode e = reopened.findEpisode(id).orElseThrow(() -> new AssertionError("lost episode " + id));
                assertThat(e.isComplete()).as("episode %s is complete", id).isTrue();
                assertThat(e.steps()).containsExactlyElementsOf(Fixtures.steps(0, 25));
            }
            assertThat(reopened.countCompleted()).isGreaterThanOrEqualTo(COMPLETIONS_BEFORE_KILL);
            assertThat(reopened.loadInProgress()).filteredOn(e -> e.id().equals(inProgress))
                    .singleElement()
                    .satisfies(e -> assertThat(e.steps()).containsExactlyElementsOf(Fixtures.steps(0, 7)));
            assertThat(reopened.loadPatterns()).hasSize(4);
        }
    }
}
