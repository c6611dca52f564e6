package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code flamegraph} on a real recording and on folded files, the graphs a run leaves, and bad input. */
class FlameGraphCommandTest {

    private static final Pattern PAGE_TOTAL = Pattern.compile("\"total\":(\\d+)");

    @TempDir
    static Path dir;
    static Path workload;
    static CommandLineRunner runOutput;

    @BeforeAll
    static void recordARun() {
        Path runDir = dir.resolve("run");
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "--warmup", "1", "--iterations", "3",
                "--iteration-ms", "300", "--heap", "128m", "--out", runDir.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        runOutput = r;
        workload = runDir.resolve("test-sum");
    }

    static long foldedTotal(Path folded) throws Exception {
        return Files.readAllLines(folded).stream().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static String json(Path page) throws Exception {
        return io.flightdeck.flamegraphs.html.HtmlFlameGraph.embeddedJson(Files.readString(page));
    }

    static long pageTotal(Path page) throws Exception {
        Matcher m = PAGE_TOTAL.matcher(json(page));
        assertThat(m.find()).as("a total in " + page).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aRunLeavesAFlameGraphPerProfileBesideTheRecording() throws Exception {
        assertThat(workload.resolve("flamegraph-cpu.html")).isRegularFile();
        assertThat(workload.resolve("flamegraph-alloc.html")).isRegularFile();
        assertThat(runOutput.out()).contains("flame graphs: " + workload.resolve("flamegraph-cpu.html"));
        assertThat(pageTotal(workload.resolve("flamegraph-cpu.html"))).isEqualTo(foldedTotal(workload.resolve("cpu.folded")));
        assertThat(json(workload.resolve("flamegraph-cpu.html"))).contains("\"title\":\"test-sum\"",
                "jdk.ExecutionSample");
        var report = io.flightdeck.child.files.Json.mapper().readTree(workload.getParent().resolve("report.json").toFile());
        assertThat(report.path("workloads").get(0).path("profile").path("flameGraphs").toString())
                .contains("\"test-sum/flamegraph-cpu.html\"", "\"test-sum/flamegraph-alloc.html\"");
        assertThat(Files.readString(workload.getParent().resolve("report.md")))
                .contains("[cpu](test-sum/flamegraph-cpu.html)");
        // a lock graph only where threads waited on locks
        assertThat(Files.exists(workload.resolve("flamegraph-lock.html")))
                .isEqualTo(Files.exists(workload.resolve("lock.folded")));
    }

    @Test
    void aRecordingBecomesAPageBesideItByDefault() throws Exception {
        Path copy = Files.copy(workload.resolve("recording.jfr"), dir.resolve("copy.jfr"));
        CommandLineRunner r = CommandLineRunner.run("flamegraph", copy.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path page = dir.resolve("copy-cpu.html");
        assertThat(r.out()).contains(page.toString());
        assertThat(pageTotal(page)).isEqualTo(foldedTotal(workload.resolve("cpu.folded")));
    }

    @Test
    void eachEventAndFormat() throws Exception {
        Path recording = workload.resolve("recording.jfr");
        Path svg = dir.resolve("alloc.svg");
        assertThat(CommandLineRunner.run("flamegraph", recording.toString(), "--event", "alloc", "-o", svg.toString())
                .exitCode()).isZero();
        var doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("rect").getLength()).isGreaterThan(3);

        Path folded = dir.resolve("cpu-again.folded");
        assertThat(CommandLineRunner.run("flamegraph", recording.toString(), "-o", folded.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(folded)).containsExactlyInAnyOrderElementsOf(Files.readAllLines(workload.resolve("cpu.folded")));

        Path lock = dir.resolve("lock.html");
        CommandLineRunner r = CommandLineRunner.run("flamegraph", recording.toString(), "--event", "lock", "-o", lock.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(lock).isRegularFile();
    }

    @Test
    void aDiffOfAProfileAgainstItselfIsAllEqualAndAgainstAnotherIsAGraph() throws Exception {
        Path cpu = workload.resolve("cpu.folded");
        Path diff = dir.resolve("self.folded");
        CommandLineRunner r = CommandLineRunner.run("flamegraph", cpu.toString(), "--diff", cpu.toString(), "-o", diff.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(diff);
        assertThat(lines).hasSameSizeAs(Files.readAllLines(cpu)).allSatisfy(l -> {
            String[] parts = l.split(" ");
            assertThat(parts[parts.length - 2]).isEqualTo(parts[parts.length - 1]);
        });

        Path other = Files.writeString(dir.resolve("other.folded"), "java.lang.Thread.run;app.Other.work 10\n");
        Path page = dir.resolve("diff.html");
        r = CommandLineRunner.run("flamegraph", workload.resolve("recording.jfr").toString(), "--diff", other.toString(),
                "-o", page.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(json(page)).contains("\"baselineTotal\":10", "\"diff\"");
    }

    @Test
    void aFoldedFileFromAPipeIsReadWhole() throws Exception {
        Path fifo = dir.resolve("stacks.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "main;a;b 5\nmain;c 2\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Path out = dir.resolve("from-pipe.folded");
        CommandLineRunner r = CommandLineRunner.run("flamegraph", fifo.toString(), "-o", out.toString());
        writer.join(10_000);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("main;a;b 5", "main;c 2");
    }

    @Test
    void anEmptyFoldedFileGivesAPageThatSaysSo() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.folded"), "# nothing sampled\n");
        Path page = dir.resolve("empty.html");
        CommandLineRunner r = CommandLineRunner.run("flamegraph", empty.toString(), "-o", page.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("no samples");
        assertThat(pageTotal(page)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'main;a 1\nmain;b\n'      | line 2: no weight",
        "'main;a 1\nmain;b -3\n'   | line 2: negative weight",
        "'main;a 1\nmain;b x\n'    | line 2: weight 'x' is not a number",
        "'main;a 1\n\n 7\n'        | line 3: no frames before the weight",
    })
    void malformedFoldedLinesExitTwoNamingTheLineAndWriteNothing(String content, String expected) throws Exception {
        Path bad = Files.writeString(Files.createTempFile(dir, "bad", ".folded"), content);
        Path out = dir.resolve(bad.getFileName() + ".html");
        CommandLineRunner r = CommandLineRunner.run("flamegraph", bad.toString(), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains(bad.toString(), expected).doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void badArgumentsExitTwoWithOneLine() throws Exception {
        String recording = workload.resolve("recording.jfr").toString();
        Path notJfr = Files.writeString(dir.resolve("notes.jfr"), "FLR\0 but no more");
        for (String[] args : new String[][] {
                {"flamegraph", dir.resolve("missing.folded").toString()},
                {"flamegraph", dir.toString()},
                {"flamegraph", recording, "--event", "heap"},
                {"flamegraph", recording, "-o", dir.resolve("x.png").toString()},
                {"flamegraph", recording, "--unit", "furlongs"},
                {"flamegraph", notJfr.toString(), "-o", dir.resolve("n.html").toString()},
                {"flamegraph", workload.resolve("cpu.folded").toString(), "--from", "1s"},
        }) {
            CommandLineRunner r = CommandLineRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).doesNotContain("\n").isNotEmpty()
                    .doesNotContain("Exception");
        }
        assertThat(dir.resolve("n.html")).doesNotExist();
    }
}
