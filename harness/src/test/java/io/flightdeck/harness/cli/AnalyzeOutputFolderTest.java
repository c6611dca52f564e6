package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.files.Json;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Where {@code analyze} writes without {@code --out}: a folder per recording, so that two recordings analysed in one
 * folder keep both results, and an earlier analysis is replaced only when asked.
 */
class AnalyzeOutputFolderTest {

    @TempDir
    Path dir;
    Path a;
    Path b;

    @BeforeEach
    void twoRecordings() throws Exception {
        a = record(dir.resolve("a.jfr"));
        b = record(dir.resolve("b.jfr"));
    }

    /** A short recording of this JVM: any recording will do, the folder is what is tested. */
    static Path record(Path file) throws Exception {
        try (Recording r = new Recording(Configuration.getConfiguration("default"))) {
            r.start();
            byte[][] garbage = new byte[2_000][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[1024];
            }
            r.stop();
            r.dump(file);
        }
        return file;
    }

    @Test
    void twoRecordingsInOneFolderKeepTheirOwnResults() throws Exception {
        CommandLineRunner first = CommandLineRunner.run("analyze", a.toString());
        CommandLineRunner second = CommandLineRunner.run("analyze", b.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        for (String name : List.of("a", "b")) {
            Path folder = dir.resolve(name + "-analysis");
            assertThat(folder.resolve("report.html")).isRegularFile();
            assertThat(Json.mapper().readTree(folder.resolve("analysis.json").toFile()).path("recording").path("file")
                    .asText()).endsWith(name + ".jfr");
        }
        assertThat(first.out()).contains(dir.resolve("a-analysis").toUri().toString(),
                "analysis: " + dir.resolve("a-analysis/analysis.json"));
        assertThat(dir.resolve("analysis.json")).doesNotExist(); // nothing beside the recordings themselves
        assertThat(dir.resolve("report.html")).doesNotExist();
        assertThat(hidden()).isEmpty();
    }

    @Test
    void anEarlierAnalysisIsRefusedUnlessForced() throws Exception {
        assertThat(CommandLineRunner.run("analyze", a.toString()).exitCode()).isZero();
        Path folder = dir.resolve("a-analysis");
        Path marker = Files.writeString(folder.resolve("notes.txt"), "mine");

        CommandLineRunner again = CommandLineRunner.run("analyze", a.toString());

        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err().strip()).startsWith("flightdeck: ").contains(folder.toString(), "--force", "--out")
                .doesNotContain("\n");
        assertThat(marker).hasContent("mine");

        CommandLineRunner forced = CommandLineRunner.run("analyze", a.toString(), "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(folder.resolve("analysis.json")).isRegularFile();
        assertThat(marker).doesNotExist(); // replaced whole: nothing of the earlier folder stays beside the new files
        assertThat(hidden()).isEmpty();
    }

    @Test
    void outStillWritesWhereItIsTold() throws Exception {
        Path out = dir.resolve("elsewhere");
        CommandLineRunner r = CommandLineRunner.run("analyze", a.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("analysis.json")).isRegularFile();
        assertThat(dir.resolve("a-analysis")).doesNotExist();
    }

    @Test
    void aRecordingThatCannotBeReadLeavesNoFolder() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.jfr"), "not a recording");
        CommandLineRunner r = CommandLineRunner.run("analyze", broken.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("broken-analysis")).doesNotExist();
        assertThat(hidden()).isEmpty();
    }

    private List<Path> hidden() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
