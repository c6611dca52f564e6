package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.flightdeck.harness.TestTags;

/**
 * A home folder that cannot hold what a command was asked to keep there fails the command, with one line naming the
 * file: read as an empty home, a file would say "no runs"; a baseline that is not saved would leave CI comparing
 * against the old one unawares.
 */
@Tag(TestTags.JDK_NEUTRAL)
class HomeFailuresTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandRefusesAHomeThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("home"), "not a folder");
        for (List<String> command : List.of(List.of("history"), List.of("history", "-w", "test-sum"),
                List.of("compare", "a", "b"), List.of("export", "a", "--format", "csv"), List.of("run", "-w", "test-sum"),
                List.of("leak-check"), List.of("run", "-w", "test-sum", "--no-history", "--save-baseline", "b"))) {
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--home",
                    file.toString())).toArray(String[]::new);
            CommandLineRunner r = CommandLineRunner.run(args);
            r.assertUsage("the home folder " + file);
            assertThat(r.err()).as(String.join(" ", command)).contains("is not a folder");
        }
        CommandLineRunner inside = CommandLineRunner.run("history", "--home", file.resolve("sub").toString());
        inside.assertUsage("is not a folder: " + file + " is a file");
    }

    /**
     * A baseline's name becomes a folder under the home: a name that climbs out of it, names a hidden or no folder, or
     * holds a terminal's escape sequences is refused before anything runs or is written, with one safe line, exit 2.
     */
    @Test
    void baselineNamesThatCouldEscapeTheHomeAreRefused() throws Exception {
        Path home = dir.resolve("a/b/home");
        for (String name : List.of("../../x", "../x", "..", ".", "a/b", "/tmp/x", "", ".hidden", "\u001b[2Jx", "x\ny",
                "x".repeat(10_000))) {
            for (String option : List.of("--save-baseline", "--baseline")) {
                CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", option, name, "--home",
                        home.toString(), "--out", dir.resolve("run").toString());
                r.assertUsage(option + ": baseline name");
                assertThat(r.err()).as(name).doesNotContain("\u001b").hasSizeLessThan(300);
            }
            CommandLineRunner c = CommandLineRunner.run("compare", name, "x", "--home", home.toString());
            assertThat(c.exitCode()).as(name).isEqualTo(ExitCodes.USAGE);
        }
        try (var made = Files.walk(dir)) {
            assertThat(made.filter(p -> !p.equals(dir))).as("nothing created, inside the home or out").isEmpty();
        }
    }

    /** The run itself ran and passed; the baseline and the history record could not be written: exit 2, two lines. */
    @Test
    void aBaselineOrHistoryThatCannotBeWrittenFailsTheRun() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("baselines"), "a file where the baselines folder goes");
        Files.createDirectories(home.resolve("history.jsonl")); // a folder where the history file goes
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "--warmup", "0", "--iterations", "2",
                "--iteration-ms", "100", "--heap", "128m", "--no-jfr", "--forks", "1", "--out",
                dir.resolve("run").toString(), "--home", home.toString(), "--save-baseline", "main");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).doesNotContain("NOT saved");
        assertThat(r.err().strip().lines()).hasSize(2).noneMatch(l -> l.contains("Exception"));
        assertThat(r.err()).contains("flightdeck: baseline main NOT saved: cannot write " + home.resolve("baselines"),
                "flightdeck: the run was not added to the history: cannot write " + home.resolve("history.jsonl"));
        assertThat(dir.resolve("run/report.json")).isRegularFile(); // the run's own results are kept
    }
}
