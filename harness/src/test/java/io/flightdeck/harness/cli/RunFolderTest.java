package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.testworkloads.SumWorkload;

class RunFolderTest {

    @TempDir
    Path dir;

    @Test
    void anEarlierRunsResultsGoButNothingElseIsTouched() throws Exception {
        Files.writeString(dir.resolve("report.json"), "{\"verdict\":\"passed\"}");
        Files.writeString(dir.resolve("report.md"), "old");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Path w = Files.createDirectories(dir.resolve("test-sum"));
        for (String f : List.of("result.json", "recording.jfr", "recording-fork-2.jfr", "result-fork-2.json",
                "spec.json", "child-stderr.log", "child-stdout-fork-2.log", "analysis.json", "cpu.folded",
                "lock-fork-2.folded")) {
            Files.writeString(w.resolve(f), "old");
        }
        Files.writeString(w.resolve("my-analysis.json"), "mine");
        Path other = Files.createDirectories(dir.resolve("not-a-workload"));
        Files.writeString(other.resolve("result.json"), "mine");

        RunFolder.clearPreviousRun(dir, List.of(new SumWorkload().name()));

        try (var left = Files.walk(dir)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .containsExactlyInAnyOrder("notes.txt", "test-sum/my-analysis.json", "not-a-workload/result.json");
        }
    }
}
