package io.flightdeck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.TestTags;
import io.flightdeck.harness.compare.ComparisonFiles;

/**
 * A database named but out of reach fails the commands that need it, before any JVM starts, and no others: a run
 * that neither records nor compares, and a comparison of run folders, work offline.
 */
@Tag(TestTags.JDK_NEUTRAL)
class StoreNeededOnlyWhenUsedTest {

    private static final String GONE = "jdbc:postgresql://127.0.0.1:1/gone";

    @TempDir
    Path dir;

    private RunOptions.Builder run() {
        return RunOptions.builder().workloads("test-sum").home(dir.resolve("home")).resultsUrl(GONE);
    }

    @Test
    void aRunThatRecordsNeedsTheStoreUpFront() {
        assertThatThrownBy(() -> FlightdeckRunner.check(run().history(true).build()))
                .isInstanceOf(RunInputException.class).hasMessageContaining("127.0.0.1:1/gone");
        assertThatThrownBy(() -> FlightdeckRunner.check(run().history(false).baseline("main").build()))
                .isInstanceOf(RunInputException.class);
    }

    @Test
    void aRunThatNeitherRecordsNorComparesDoesNot() {
        assertThatCode(() -> FlightdeckRunner.check(run().history(false).build())).doesNotThrowAnyException();
    }

    @Test
    void runFoldersAndReportsAreFoundWithoutTheStore() throws Exception {
        Path report = Files.createDirectories(dir.resolve("run")).resolve("report.json");
        io.flightdeck.child.files.Json.writeAtomically(io.flightdeck.child.files.Json.mapper(), report,
                io.flightdeck.harness.compare.SyntheticRuns.run(1000, 0));
        try (LazyResults results = new LazyResults(dir.resolve("home"), GONE)) {
            ComparisonFiles.Compared folder = RunSources.resolve(results, dir.resolve("run").toString());
            assertThat(folder.report().workloads()).hasSize(1);
            assertThatThrownBy(() -> RunSources.resolve(results, "some-baseline"))
                    .isInstanceOf(RunInputException.class).hasMessageContaining("127.0.0.1:1/gone");
        }
    }
}
