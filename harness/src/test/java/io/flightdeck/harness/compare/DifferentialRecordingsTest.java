package io.flightdeck.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FoldedFormat;
import io.flightdeck.flamegraphs.diff.MethodDiff;
import io.flightdeck.flamegraphs.html.HtmlFlameGraph;
import io.flightdeck.harness.compare.programs.PlantedSlowdown;
import io.flightdeck.harness.graphs.ProfileKind;
import io.flightdeck.harness.sampler.AsyncProfilerLibrary;
import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.RecordingAnalyzer;

/**
 * The differential graph on real recordings made here: a baseline of two JVMs (two forks) of {@link PlantedSlowdown},
 * a third JVM of the same build, and a fourth with its {@code slow} method doing 30 % more work. Each thread runs for
 * a budget of CPU time, sampled every millisecond of CPU time by async-profiler, so the recordings hold a few
 * thousand samples however busy the machine is, and the shares are set by the program's amounts of work, not by the
 * machine's speed. Where async-profiler has no agent, JFR's execution sampler stands in: it samples by wall clock
 * and drifts under load (CI once saw the slower method's growth not significant beside the other JVMs).
 */
class DifferentialRecordingsTest {

    static final String WORKLOAD = "planted";
    static final String SLOW = PlantedSlowdown.class.getName() + ".slow(int)";

    @TempDir
    static Path dir;

    @BeforeAll
    static void record() throws Exception {
        List<Process> running = new ArrayList<>();
        running.add(start("base", 1, 1.0));
        running.add(start("base", 2, 1.0));
        running.add(start("same", 1, 1.0));
        running.add(start("slower", 1, 1.3));
        for (Process p : running) {
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("a recorded program did not finish");
            }
            assertThat(p.exitValue()).isZero();
        }
        for (String side : List.of("base", "same", "slower")) {
            Path folder = dir.resolve(side).resolve(WORKLOAD);
            try (var files = Files.list(folder)) {
                for (Path jfr : files.filter(f -> f.toString().endsWith(".jfr")).toList()) {
                    CallTree cpu = RecordingAnalyzer.analyze(jfr, AnalysisOptions.defaults()).stacks().cpu();
                    String name = jfr.getFileName().toString().replace("recording", "cpu").replace(".jfr", ".folded");
                    try (Writer out = Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8)) {
                        FoldedFormat.write(cpu, out);
                    }
                }
            }
        }
    }

    @Test
    void twoRunsOfTheSameBuildColourAtMostATenthOfTheCurrentProfile() throws Exception {
        RunComparison.Why why = RegressionEvidence.explain(WORKLOAD, dir.resolve("base"), dir.resolve("same"),
                dir.resolve("out-same"));
        ForkStacks.Merged before = ForkStacks.read(dir.resolve("base").resolve(WORKLOAD), ProfileKind.CPU);
        ForkStacks.Merged now = ForkStacks.read(dir.resolve("same").resolve(WORKLOAD), ProfileKind.CPU);
        MethodDiff diff = MethodDiff.of(before.tree(), now.tree(), ProfileKind.CPU.unit());

        assertThat(before.files()).containsExactly("cpu.folded", "cpu-fork-2.folded");
        assertThat(now.tree().totalWeight()).as("samples in the current run").isGreaterThan(2000);
        assertThat(diff.colouredShare(now.tree())).isLessThanOrEqualTo(0.10);
        assertThat(why.flameGraphs()).contains(WORKLOAD + "/flamegraph-cpu-diff.html");
        assertThat(why.methodTables()).contains(WORKLOAD + "/" + MethodTable.htmlName(ProfileKind.CPU));
    }

    @Test
    void aMethodMadeThirtyPercentSlowerIsTheWidestRedFrameAndTopsTheTable() throws Exception {
        Path out = dir.resolve("out-slower");
        RunComparison.Why why = RegressionEvidence.explain(WORKLOAD, dir.resolve("base"), dir.resolve("slower"), out);

        // the table, as a machine reads it
        JsonNode table = new ObjectMapper().readTree(out.resolve(WORKLOAD).resolve(MethodTable.jsonName(ProfileKind.CPU))
                .toFile());
        JsonNode top = table.get("methods").get(0);
        assertThat(top.get("method").asText()).isEqualTo(SLOW);
        assertThat(top.get("selfSignificant").asBoolean()).isTrue();
        assertThat(top.get("selfChange").asDouble()).isPositive();
        assertThat(top.get("change").asText()).isEqualTo("grew");
        assertThat(why.methods().get(0).frame()).isEqualTo(SLOW);

        // the page: the heaviest frame it paints red is the slower method's
        JsonNode page = new ObjectMapper().readTree(HtmlFlameGraph.embeddedJson(
                Files.readString(out.resolve(WORKLOAD).resolve("flamegraph-cpu-diff.html"))));
        assertThat(widestRedFrame(page)).isEqualTo(SLOW);
    }

    /** From a page's data: the node with the largest total whose method is drawn as grown ('1'). */
    static String widestRedFrame(JsonNode data) {
        JsonNode names = data.get("names");
        JsonNode prefixes = data.get("namePrefixes");
        String[] decoded = new String[names.size()];
        String previous = "";
        for (int i = 0; i < names.size(); i++) {
            decoded[i] = previous.substring(0, prefixes.get(i).asInt()) + names.get(i).asText();
            previous = decoded[i];
        }
        String change = data.get("diff").get("methods").get("change").asText();
        JsonNode nodes = data.get("nodes");
        int n = nodes.size() / 3;
        long[] totals = new long[n];
        int[] parent = new int[n];
        Deque<int[]> open = new ArrayDeque<>(); // {node, children left}
        for (int node = 0; node < n; node++) {
            parent[node] = open.isEmpty() ? -1 : open.peek()[0];
            totals[node] = nodes.get(node * 3 + 2).asLong();
            if (!open.isEmpty()) {
                open.peek()[1]--;
            }
            open.push(new int[] {node, nodes.get(node * 3 + 1).asInt()});
            while (!open.isEmpty() && open.peek()[1] == 0) {
                open.pop();
            }
        }
        for (int node = n - 1; node > 0; node--) {
            totals[parent[node]] += totals[node];
        }
        String widest = null;
        long width = -1;
        for (int node = 1; node < n; node++) {
            int name = nodes.get(node * 3).asInt();
            if (change.charAt(name) == '1' && totals[node] > width) {
                width = totals[node];
                widest = decoded[name];
            }
        }
        return widest;
    }

    private static Process start(String side, int fork, double factor) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(side).resolve(WORKLOAD));
        String suffix = fork == 1 ? "" : "-fork-" + fork;
        Path jfr = folder.resolve("recording" + suffix + ".jfr");
        String classes = Path.of(PlantedSlowdown.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(sampler(jfr));
        command.addAll(List.of("-cp", classes, PlantedSlowdown.class.getName(), "4", String.valueOf(factor)));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("log" + suffix + ".txt").toFile()).start();
    }

    /** async-profiler's CPU sampler at 1 ms of CPU time where it has an agent; JFR's at 1 ms of wall time elsewhere. */
    private static List<String> sampler(Path jfr) {
        try {
            Path agent = AsyncProfilerLibrary.extract(Path.of("target", "async-profiler-cache").toAbsolutePath());
            return List.of("-agentpath:" + agent + "=start,event=cpu,interval=1ms,jfr,file=" + jfr);
        } catch (IOException noAgent) {
            return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
                    // method-profiling=max: a sample a millisecond, so a few seconds give thousands
                    "-XX:StartFlightRecording=settings=profile,method-profiling=max,filename=" + jfr);
        }
    }
}
