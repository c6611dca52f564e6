package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The analysis agrees with the JDK's own tools on a recording the test makes: a program with a known hot method and
 * a known allocation site. JDK 25's {@code jfr view} is the reference (JDK 17's {@code jfr} has no views).
 */
class AgreementWithJdkToolsTest {

    static final Path JFR_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr");
    static final String HOT = "io.flightdeck.profiling.programs.HotAndAllocating.spin(long[])";
    static final String SITE = "io.flightdeck.profiling.programs.HotAndAllocating.allocate(int)";

    @TempDir
    static Path dir;
    static Path recording;
    static Analysis analysis;

    @BeforeAll
    static void recordAndAnalyse() throws Exception {
        recording = TestRecordings.record(dir, "hot", 5, "steady");
        analysis = RecordingAnalyzer.analyze(recording, AnalysisOptions.defaults());
    }

    @Test
    void theHotMethodAndItsSelfShareAgreeWithJfrViewHotMethods() throws Exception {
        assertThat(analysis.cpu().hotBySelf().get(0).name()).isEqualTo(HOT);
        assumeTrue(Files.isExecutable(JFR_25), "JDK 25's jfr is not on this machine");
        Matcher row = firstRow(view("hot-methods"), Pattern.compile("^(\\S.*?)\\s+(\\d+)\\s+([\\d.]+)%$"));
        assertThat(row.group(1)).isEqualTo(HOT);
        assertThat(analysis.cpu().hotBySelf().get(0).percent()).isCloseTo(Double.parseDouble(row.group(3)), within(1.0));
    }

    @Test
    void theTopAllocationSiteAgreesWithJfrViewAllocationBySite() throws Exception {
        assertThat(analysis.allocation().bySite().get(0).name()).isEqualTo(SITE);
        assumeTrue(Files.isExecutable(JFR_25), "JDK 25's jfr is not on this machine");
        Matcher row = firstRow(view("allocation-by-site"), Pattern.compile("^(\\S.*?)\\s+([\\d.]+)%$"));
        assertThat(row.group(1)).isEqualTo(SITE);
        assertThat(analysis.allocation().bySite().get(0).percent()).isCloseTo(Double.parseDouble(row.group(2)), within(1.0));
    }

    @Test
    void pauseCountAndTotalAgreeWithJfrViewGcPauses() throws Exception {
        assumeTrue(Files.isExecutable(JFR_25), "JDK 25's jfr is not on this machine");
        String text = view("gc-pauses");
        Matcher count = Pattern.compile("Number of Pauses: (\\d+)").matcher(text);
        Matcher total = Pattern.compile("Total Pause Time: ([\\d.]+) (ns|us|ms|s)").matcher(text);
        assertThat(count.find()).as(text).isTrue();
        assertThat(total.find()).as(text).isTrue();
        assertThat(analysis.gc().pauses().count()).isEqualTo(Long.parseLong(count.group(1)));
        double viewNanos = Double.parseDouble(total.group(1)) * switch (total.group(2)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        // jfr view rounds to three significant digits; HdrHistogram keeps three as well
        assertThat((double) analysis.gc().pauses().totalNanos()).isCloseTo(viewNanos, within(viewNanos * 0.01 + 1e6));
    }

    @Test
    void sampleTotalsAgreeWithRecordingFileExactly() throws IOException {
        long execution = 0;
        long natives = 0;
        long allocation = 0;
        long collections = 0;
        java.util.Map<String, Long> all = new java.util.TreeMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                all.merge(e.getEventType().getName(), 1L, Long::sum);
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> execution++;
                    case "jdk.NativeMethodSample" -> natives++;
                    case "jdk.ObjectAllocationSample" -> allocation++;
                    case "jdk.GarbageCollection" -> collections++;
                    default -> {
                    }
                }
            }
        }
        // JFR's own samplers: execution samples and the native-method samples of threads not waiting for input (a
        // native sample in a JDK method that computes, which JDK 25 sometimes records here, counts as CPU)
        assertThat(analysis.cpu().source()).isEqualTo("jdk.ExecutionSample+jdk.NativeMethodSample");
        assertThat(analysis.cpu().nativeSamples()).isEqualTo(natives);
        assertThat(analysis.cpu().samples()).isEqualTo(execution + natives - analysis.cpu().waitingNativeSamples())
                .isPositive();
        assertThat(analysis.allocation().samples()).isEqualTo(allocation).isPositive();
        assertThat(analysis.gc().collections()).isEqualTo(collections).isPositive();
        // every type, counted without decoding, equals what the JDK's reader decodes one by one
        assertThat(analysis.recording().eventCounts()).isEqualTo(all);
        assertThat(analysis.recording().events()).isEqualTo(all.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void theCallTreesCarryTheSameWeightsAsTheRankings() {
        assertThat(analysis.stacks().cpu().totalWeight()).isEqualTo(analysis.cpu().samples());
        assertThat(analysis.stacks().allocation().totalWeight()).isEqualTo(analysis.allocation().estimatedBytes());
        assertThat(analysis.recording().jvmVersion()).isNotBlank();
        assertThat(analysis.recording().settings()).containsKey("jdk.ExecutionSample#period");
    }

    @Test
    void theGcShareOfCpuIsThereWhereTheJdkRecordsGcCpuTime() {
        // jdk.GCCPUTime came with JDK 20 (and some 17 updates have it); the recording is made by the JDK running the test
        if (analysis.recording().eventCounts().containsKey("jdk.GCCPUTime")) {
            assertThat(analysis.gc().gcCpuShare()).isNotNull().isBetween(0.0, 1.0);
        } else {
            assertThat(analysis.gc().gcCpuShare()).isNull();
        }
    }

    @Test
    void jmcRulesRunAndTheirMessagesAreFilledIn() {
        assertThat(analysis.rules().evaluated()).as(analysis.rules().skippedBecause()).isTrue();
        assertThat(analysis.rules().findings()).hasSizeGreaterThan(20);
        List<Double> scores = analysis.rules().findings().stream().map(f -> f.score() == null ? -1.0 : f.score())
                .toList();
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(analysis.rules().findings()).filteredOn(f -> f.message() != null)
                .allSatisfy(f -> assertThat(f.message()).doesNotContain("{0}"));
    }

    private static String view(String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(JFR_25.toString(), "view", "--width", "250", name, recording.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** The first line after the dashes under a view's header that matches. */
    private static Matcher firstRow(String text, Pattern row) {
        List<String> lines = text.lines().map(String::strip).toList();
        boolean body = false;
        for (String line : lines) {
            if (line.startsWith("---")) {
                body = true;
                continue;
            }
            Matcher m = row.matcher(line);
            if (body && m.matches()) {
                return m;
            }
        }
        throw new AssertionError("no row in:\n" + text);
    }
}
