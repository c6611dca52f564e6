package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.history.HistoryStore;
import io.flightdeck.harness.home.Home;

class HistoryCommandTest {

    @TempDir
    Path dir;

    private void history(String run, String fingerprint, long day, double p95) throws Exception {
        new HistoryStore(new Home(dir).history()).append(new HistoryEntry(1, HistoryEntry.RUN, run,
                Instant.parse("2026-11-20T10:00:00Z").plusSeconds(day * 86_400), "0123456789abcdef0123456789abcdef01234567",
                "quick", fingerprint, "cpu", "passed",
                List.of(new HistoryEntry.Point("episode-creation", "default", "p95", p95, "ns", false),
                        new HistoryEntry.Point("episode-creation", "default", "throughput", 1e9 / p95, "op/s", true))));
    }

    @Test
    void theTrendTableIsTheSeedsWithEnvironmentsKeptApart() throws Exception {
        history("r1", "f1", 0, 2_560);
        history("r2", "f1", 1, 2_580);
        history("r3", "f9", 2, 9_000);
        history("r4", "f1", 3, 3_120);
        CommandLineRunner r = CommandLineRunner.run("history", "-w", "episode-creation", "--home", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Metric: episode-creation default, p95", "2.56 µs", "Baseline", "+0.78 % ✓",
                "other environment (f9)", "+20.93 % ⚠️", "0123456789");
        Path chart = dir.resolve("charts/episode-creation-default-p95.svg");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(chart.toFile());
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(4);
        assertThat(Files.readString(chart)).contains("fill=\"none\""); // the other environment's hollow point
    }

    @Test
    void withoutAWorkloadItListsTheRuns() throws Exception {
        history("r1", "f1", 0, 2_560);
        history("r2", "f2", 1, 2_580);
        CommandLineRunner r = CommandLineRunner.run("history", "--home", dir.toString());
        assertThat(r.out()).contains("r1", "r2", "other (f1)", "this one", "quick");
    }

    /** A hand-edited line with a negative figure was charted; it is now skipped and named in the one warning. */
    @Test
    void aLineNoRunCouldHaveWrittenIsLeftOutOfTheTrendAndNamed() throws Exception {
        history("r1", "f1", 0, 2_560);
        Path file = new Home(dir).history();
        String line = Files.readAllLines(file).get(0);
        Files.writeString(file, line.replace("\"r1\"", "\"edited\"").replace("2560.0", "-2560.0") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        history("r3", "f1", 2, 2_600);
        CommandLineRunner r = CommandLineRunner.run("history", "-w", "episode-creation", "--home", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("skipped 1 line(s)", "(line 2)").doesNotContain("−2.56");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("charts/episode-creation-default-p95.svg").toFile());
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(2);
    }

    /**
     * Names in the history come from workloads, JMH parameters or a hand edit: control characters must neither reach
     * the terminal nor make the chart a file no XML reader opens, and a huge name no file name too long to write.
     */
    @Test
    void hostileNamesInTheHistoryAreShownSafelyAndCharted() throws Exception {
        String label = "size=\u001b[2J\u0001" + "x".repeat(400);
        new HistoryStore(new Home(dir).history()).append(new HistoryEntry(1, HistoryEntry.JMH, "jmh\u001b]0;t\u0007",
                Instant.parse("2026-11-20T10:00:00Z"), null, null, "f1", "cpu", null,
                List.of(new HistoryEntry.Point("Bench.run", label, "avgt", 12.5, "us/op", false))));
        CommandLineRunner list = CommandLineRunner.run("history", "--home", dir.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).doesNotContain("\u001b").doesNotContain("\u0007");
        CommandLineRunner trend = CommandLineRunner.run("history", "-w", "Bench.run", "--metric", "avgt", "--home",
                dir.toString());
        assertThat(trend.exitCode()).as(trend.err()).isZero();
        assertThat(trend.out()).doesNotContain("\u001b").doesNotContain("\u0001");
        try (var charts = Files.list(dir.resolve("charts"))) {
            Path chart = charts.findFirst().orElseThrow();
            assertThat(chart.getFileName().toString().length()).isLessThan(200);
            Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(chart.toFile());
            assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(1);
        }
        CommandLineRunner missing = CommandLineRunner.run("history", "-w", "\u001b[2Jnope", "--home", dir.toString());
        missing.assertUsage("no 'p95' of workload");
        assertThat(missing.err()).doesNotContain("\u001b");
    }

    @Test
    void anEmptyHistorySaysHowToFillIt() {
        CommandLineRunner r = CommandLineRunner.run("history", "--home", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("no runs", "yet");
    }

    @Test
    void aFigureTheHistoryLacksExitsTwo() throws Exception {
        history("r1", "f1", 0, 2_560);
        CommandLineRunner r = CommandLineRunner.run("history", "-w", "nope", "--home", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no 'p95' of workload 'nope'");
    }

    private void historyAt(String run, String commit, String fingerprint, long day, double p95) throws Exception {
        new HistoryStore(new Home(dir).history()).append(new HistoryEntry(1, HistoryEntry.RUN, run,
                Instant.parse("2026-11-20T10:00:00Z").plusSeconds(day * 86_400), commit, "quick", fingerprint, "cpu",
                "passed", List.of(new HistoryEntry.Point("episode-creation", "default", "p95", p95, "ns", false),
                        new HistoryEntry.Point("episode-creation", "default", "throughput", 1e9 / p95, "op/s",
                                true))));
    }

    /** 30 nights of one machine: a 25 % slowdown lands with commit c15 and stays; the noise is 3 %. */
    private void slowdownAtNight15() throws Exception {
        java.util.Random noise = new java.util.Random(1);
        for (int night = 0; night < 30; night++) {
            double p95 = 2_500 * (night >= 15 ? 1.25 : 1) * (1 + 0.03 * noise.nextGaussian());
            historyAt("r" + night, String.format("c%02d", night) + "0000000000000000000000000000000000000",
                    "f1", night, p95);
        }
    }

    @Test
    void changesNameTheFirstRunAndCommitAfterAPersistentShift() throws Exception {
        slowdownAtNight15();
        historyAt("elsewhere", null, "f2", 31, 9_000); // another machine: a series of its own, too short to search
        CommandLineRunner r = CommandLineRunner.run("history", "--changes", "--home", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Changes in episode-creation default, p95 (environment f1, 30 runs)",
                "2026-12-05 10:00", "r15", "c150000000", "15 / 15", "⚠️ worse", "1 change(s) in 2 series of p95");
        CommandLineRunner throughput = CommandLineRunner.run("history", "--changes", "--metric", "throughput",
                "-w", "episode-creation", "--home", dir.toString());
        assertThat(throughput.out()).contains("r15", "⚠️ worse", "−2");
    }

    @Test
    void theTrendChartMarksWhereTheSeriesShifts() throws Exception {
        slowdownAtNight15();
        CommandLineRunner trend = CommandLineRunner.run("history", "-w", "episode-creation", "--home",
                dir.toString());
        assertThat(trend.exitCode()).as(trend.err()).isZero();
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("charts/episode-creation-default-p95.svg").toFile());
        assertThat(svg.getElementsByTagName("line").getLength()).isPositive();
        assertThat(Files.readString(dir.resolve("charts/episode-creation-default-p95.svg")))
                .contains("stroke-dasharray", "at run r15, commit c150000000");
    }

    @Test
    void aSeriesWithoutAShiftSaysSoAndASmallShiftCanBeLeftOut() throws Exception {
        slowdownAtNight15();
        CommandLineRunner big = CommandLineRunner.run("history", "--changes", "--min-change", "30%", "--home",
                dir.toString());
        assertThat(big.exitCode()).as(big.err()).isZero();
        assertThat(big.out()).contains("no persistent change in 1 series").doesNotContain("r15");
    }

    @Test
    void badChangeSettingsAreOneLineAndExitCode2() throws Exception {
        slowdownAtNight15();
        CommandLineRunner.run("history", "--changes", "--significance", "1.5", "--home", dir.toString())
                .assertUsage("--significance 1.5");
        CommandLineRunner.run("history", "--changes", "--min-change", "lots", "--home", dir.toString())
                .assertUsage("--min-change 'lots'");
        CommandLineRunner.run("history", "--significance", "0.01", "--home", dir.toString())
                .assertUsage("--significance goes with --changes");
        CommandLineRunner.run("history", "--changes", "-w", "nothing", "--home", dir.toString())
                .assertUsage("no 'p95' of workload 'nothing'");
    }
}
