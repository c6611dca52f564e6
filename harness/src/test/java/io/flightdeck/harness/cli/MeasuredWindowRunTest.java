package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.testworkloads.BusySetupWorkload;
import io.flightdeck.profiling.MeasuredWindow;

/**
 * The measured window end to end: a real child run of a workload whose set-up burns CPU in a method named to be
 * found. The child marks its iterations in its recording; the run's profile and a plain {@code analyze} cover the
 * measured iterations and leave the burn out; {@code --whole-jvm} brings it back. The marks are recorded under the
 * JDK's default settings and under a user's .jfc that never names them, too.
 */
class MeasuredWindowRunTest {

    static final int ITERATIONS = 3;

    @TempDir
    static Path dir;
    static Path run;
    static Path recording;

    @BeforeAll
    static void runTheWorkload() {
        run = dir.resolve("run");
        CommandLineRunner r = runWith(run);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        recording = run.resolve(BusySetupWorkload.NAME).resolve("recording.jfr");
    }

    static CommandLineRunner runWith(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-w", BusySetupWorkload.NAME, "--forks", "1",
                "--warmup", "1", "--iterations", String.valueOf(ITERATIONS), "--iteration-ms", "100",
                "--cold-start", "2", "--heap", "128m", "--no-history", "--out", out.toString()));
        args.addAll(List.of(more));
        return CommandLineRunner.run(args.toArray(String[]::new));
    }

    /** The marks of a recording, as "phase iteration", with their workload and case checked. */
    static List<String> marks(Path jfr) throws Exception {
        List<String> marks = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals(MeasuredWindow.ITERATION_EVENT)) {
                assertThat(e.getString("workload")).isEqualTo(BusySetupWorkload.NAME);
                assertThat(e.getString("caseLabel")).isEqualTo("size=1000");
                assertThat(e.getEndTime()).isAfterOrEqualTo(e.getStartTime());
                marks.add(e.getString(MeasuredWindow.PHASE_FIELD) + " " + e.getLong("iteration"));
            }
        }
        return marks;
    }

    @Test
    void theChildMarksEachIterationInItsRecording() throws Exception {
        List<String> marks = marks(recording);
        assertThat(marks).contains("cold-start 0", "warm-up 0", "measured 0", "measured 1", "measured 2")
                .filteredOn(m -> m.startsWith("measured")).hasSize(ITERATIONS);
        assertThat(marks).filteredOn(m -> m.startsWith("cold-start")).hasSize(1);
    }

    @Test
    void theRunsProfileCoversTheMeasuredIterationsOnly() throws Exception {
        Path workload = recording.getParent();
        assertThat(Files.readString(workload.resolve("cpu.folded"))).doesNotContain(BusySetupWorkload.BURN_METHOD)
                .contains("CaseRunner"); // the measured iterations were sampled
        JsonNode facts = Json.mapper().readTree(workload.resolve("analysis.json").toFile()).get("recording");
        assertThat(facts.get("measuredWindow").get("intervals")).hasSize(ITERATIONS);
        assertThat(Files.readString(run.resolve("report.md")))
                .contains("measured iterations: " + ITERATIONS + " intervals, ");
    }

    /**
     * One worker thread runs the operations while the child's main thread waits for it: the headline split is the
     * worker's, not diluted by main's wait (which alone would make half of it "waiting").
     */
    @Test
    void theTimeSplitIsTheWorkingThreadsNotTheIdleOnes() throws Exception {
        JsonNode threads = Json.mapper().readTree(recording.resolveSibling("analysis.json").toFile()).get("threads");
        Map<String, JsonNode> byName = new HashMap<>();
        threads.get("byThread").forEach(t -> byName.put(t.get("thread").asText(), t));
        assertThat(byName).containsKeys("flightdeck-worker-0", "main");
        assertThat(waiting(byName.get("main").get("states"))).as("main: " + byName.get("main")).isGreaterThan(90);
        assertThat(threads.get("workingThreads").asLong()).isBetween(1L, threads.get("threads").asLong() - 1);
        assertThat(waiting(threads.get("working"))).isLessThan(waiting(threads.get("total")));
        JsonNode profile = Json.mapper().readTree(run.resolve("report.json").toFile()).get("workloads").get(0)
                .get("profile");
        assertThat(profile.get("workingThreads").asText()).matches("\\d+ working threads? of \\d+");
        assertThat(profile.get("workingTimeShares").get("waiting").asDouble())
                .isCloseTo(waiting(threads.get("working")), org.assertj.core.api.Assertions.within(0.05));
        assertThat(profile.get("timeShares").get("waiting").asDouble())
                .isCloseTo(waiting(threads.get("total")), org.assertj.core.api.Assertions.within(0.05));
    }

    private static double waiting(JsonNode states) {
        for (JsonNode s : states) {
            if (s.get("state").asText().equals("waiting")) {
                return s.get("percent").asDouble();
            }
        }
        return 0;
    }

    @Test
    void analyzeReadsTheMeasuredIterationsUnlessToldTheWholeJvm() throws Exception {
        Path measured = dir.resolve("measured");
        CommandLineRunner m = CommandLineRunner.run("analyze", recording.toString(), "--out", measured.toString());
        assertThat(m.exitCode()).as(m.out() + m.err()).isZero();
        assertThat(m.out()).contains("analysed: measured iterations: " + ITERATIONS + " intervals, ");
        assertThat(Files.readString(measured.resolve("cpu.folded"))).doesNotContain(BusySetupWorkload.BURN_METHOD);

        Path whole = dir.resolve("whole");
        CommandLineRunner w = CommandLineRunner.run("analyze", recording.toString(), "--whole-jvm",
                "--out", whole.toString());
        assertThat(w.exitCode()).as(w.out() + w.err()).isZero();
        assertThat(w.out()).contains("analysed: whole JVM: ");
        assertThat(Files.readString(whole.resolve("cpu.folded"))).contains(BusySetupWorkload.BURN_METHOD);
        assertThat(Json.mapper().readTree(whole.resolve("analysis.json").toFile()).get("recording")
                .get("measuredWindow").isNull()).isTrue();
    }

    @Test
    void theMarksAreRecordedUnderTheDefaultSettingsAndAUsersOwnFile() throws Exception {
        Path byDefault = dir.resolve("default");
        CommandLineRunner d = runWith(byDefault, "--jfr-settings", "default");
        assertThat(d.exitCode()).as(d.out() + d.err()).isZero();
        assertThat(marks(byDefault.resolve(BusySetupWorkload.NAME).resolve("recording.jfr")))
                .filteredOn(m -> m.startsWith("measured")).hasSize(ITERATIONS);

        Path jfc = dir.resolve("mine.jfc"); // names only the CPU sampler, not the marks
        Files.writeString(jfc, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="mine">
                  <event name="jdk.ExecutionSample">
                    <setting name="enabled">true</setting>
                    <setting name="period">20 ms</setting>
                  </event>
                </configuration>
                """);
        Path own = dir.resolve("own");
        CommandLineRunner o = runWith(own, "--jfr-settings", jfc.toString());
        assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
        assertThat(marks(own.resolve(BusySetupWorkload.NAME).resolve("recording.jfr")))
                .filteredOn(m -> m.startsWith("measured")).hasSize(ITERATIONS);
    }

    @Test
    void aRecordingWithoutMarksIsAnalysedWhole() throws Exception {
        Path plain = dir.resolve("plain.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            // the burn reads its thread's CPU clock (native code): seen on JDK 25 with execution samples alone
            // taking none of it, so native samples are recorded too
            r.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
            r.start();
            BusySetupWorkload.plantedSetupBurn();
            r.stop();
            r.dump(plain);
        }
        Path out = dir.resolve("plain-analysis");
        CommandLineRunner a = CommandLineRunner.run("analyze", plain.toString(), "--out", out.toString());
        assertThat(a.exitCode()).as(a.out() + a.err()).isZero();
        assertThat(a.out()).contains("analysed: whole JVM: ");
        assertThat(a.err()).doesNotContain("measured");
        // what the burn took is in the whole analysis: when the sampler took any of it (an in-process JDK 25
        // recording beside another build once took no CPU sample at all, and analyze then writes no cpu.folded)
        Path folded = out.resolve("cpu.folded");
        if (Files.exists(folded)) {
            assertThat(Files.readString(folded)).contains(BusySetupWorkload.BURN_METHOD);
        }
    }

    @Test
    void wholeJvmNeedsARecording() {
        runWith(dir.resolve("none"), "--no-jfr", "--whole-jvm").assertUsage("--whole-jvm");
    }
}
