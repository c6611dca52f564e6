package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.flamegraphs.FramePalette;
import io.flightdeck.flamegraphs.html.HtmlFlameGraph;
import io.flightdeck.harness.compare.ChangeVerdict;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.MetricChange;
import io.flightdeck.harness.compare.RegressionConfirmation;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.compare.ShareChange;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.report.html.ComparisonPage;
import io.flightdeck.harness.report.html.RunPage;
import io.flightdeck.harness.TestTags;

/**
 * Baselines end to end on real child JVMs: save one, slow a workload down with its test-only knob, and the run
 * against the baseline names the workload and pins the slowdown on the injected method, red in its differential
 * flame graph; the exit code, the output, the page and the second run all follow the verdict.
 *
 * <p>The verdict itself rests on timings, which the machine moves: on a busy one the gate rightly calls the planted
 * slowdown inconclusive rather than a regression. So these tests assert the plumbing and what follows from whatever
 * verdict came out, never which verdict; the judging is tested on synthetic samples (RunComparatorTest,
 * SampleComparisonTest). The evidence (the injected method's share of the CPU samples) is a share within one JVM,
 * which a busy machine slows alike, so it is asserted.
 */
@Tag(TestTags.JDK_NEUTRAL)
class CompareEndToEndTest {

    @TempDir
    static Path dir;
    static CommandLineRunner saved;
    static CommandLineRunner slowed;
    static CommandLineRunner again;
    static CommandLineRunner slowedOnce;

    /**
     * Whole runs on a shared 2-core machine drift by up to 50 % now and then, both forks alike (docs/PERFORMANCE.md,
     * "Regression gate"); the planted slowdown is +150 %, so a 60 % limit still catches it with room to spare and
     * keeps the clean comparison from flaking.
     */
    static String[] run(String out, String... more) {
        // two forks: one JVM against another cannot tell a regression from the difference between JVMs (the saved
        // baseline runs four: RunComparator.MIN_BASELINE_FORKS)
        String[] base = {"run", "-w", "test-knob", "--forks", "2", "--warmup", "2", "--iterations", "6",
                "--iteration-ms", "250",
                "--home", dir.resolve("home").toString(), "--regression-limit", "60%", "--out",
                dir.resolve(out).toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @BeforeAll
    static void runThreeTimes() {
        saved = CommandLineRunner.run(run("base", "--save-baseline", "before"));
        slowed = CommandLineRunner.run(run("slow", "--param", "slow=true", "--baseline", "before"));
        again = CommandLineRunner.run(run("again", "--baseline", "before"));
        slowedOnce = CommandLineRunner.run(run("slow-once", "--param", "slow=true", "--baseline", "before",
                "--no-confirm"));
    }

    static RunComparison comparison(String run) throws Exception {
        return Json.mapper().readValue(dir.resolve(run).resolve(ComparisonFiles.JSON).toFile(), RunComparison.class);
    }

    @Test
    void aSavedBaselineHoldsTheReportAndTheStacks() {
        assertThat(saved.exitCode()).as(saved.out() + saved.err()).isZero();
        assertThat(saved.out()).contains("baseline before saved", "4 forks a workload, not 2");
        Path baseline = dir.resolve("home/baselines/before");
        assertThat(baseline.resolve("report.json")).isRegularFile();
        assertThat(baseline.resolve("baseline.json")).isRegularFile();
        assertThat(baseline.resolve("test-knob/cpu.folded")).isRegularFile();
    }

    /** What a command comparing against a baseline must exit with, given the verdict it wrote. */
    static int exitCodeFor(RunComparison c) {
        return RunComparison.REGRESSED.equals(c.verdict()) ? ExitCodes.CHECK_FAILED : 0;
    }

    @Test
    void aRegressionAtFirstIsRunAgainToConfirmIt() throws Exception {
        RunComparison c = comparison("slow");
        Path second = dir.resolve("slow").resolve(RegressionConfirmation.FOLDER);
        MetricChange mean = c.workloads().get(0).cases().get(0).metrics().get(0).change();
        if (c.confirmation() == null) { // not regressed on the first run (a busy machine): nothing to confirm
            assertThat(slowed.out()).doesNotContain("again to confirm");
            assertThat(second).doesNotExist();
            assertThat(c.verdict()).isNotEqualTo(RunComparison.REGRESSED);
            assertThat(mean.currentSamples()).as("this run's iterations alone").isEqualTo(2 * 6);
            return;
        }
        assertThat(slowed.out()).contains("Regressed against before: test-knob. Running it again to confirm, 4 forks");
        assertThat(second.resolve("report.json")).isRegularFile();
        assertThat(c.confirmation().workloads()).containsExactly("test-knob");
        assertThat(c.confirmation().forks()).as("as many as a baseline").isEqualTo(4);
        assertThat(mean.currentSamples()).as("both runs' iterations").isEqualTo((2 + 4) * 6);
        assertThat(c.confirmation().confirmed()).isSubsetOf("test-knob");
        if (c.confirmation().confirmed().contains("test-knob")) {
            assertThat(slowed.out()).contains("Confirmed by a second run: test-knob regressed");
            assertThat(c.verdict()).isEqualTo(RunComparison.REGRESSED);
        } else {
            assertThat(c.verdict()).isNotEqualTo(RunComparison.REGRESSED);
        }
        Document page = Jsoup.parse(dir.resolve("slow").resolve(RunPage.FILE).toFile());
        assertThat(page.select("#comparison p.confirmation").text()).contains("test-knob regressed, so ran again");
        assertThat(Files.readString(dir.resolve("slow").resolve(ComparisonFiles.MARKDOWN)))
                .contains("test-knob regressed, so ran again");
    }

    @Test
    void withoutConfirmingTheRegressionIsCalledOnOneRun() throws Exception {
        assertThat(slowedOnce.out()).doesNotContain("again to confirm");
        assertThat(dir.resolve("slow-once").resolve(RegressionConfirmation.FOLDER)).doesNotExist();
        RunComparison c = comparison("slow-once");
        assertThat(c.confirmation()).isNull();
        assertThat(slowedOnce.exitCode()).as(slowedOnce.out() + slowedOnce.err()).isEqualTo(exitCodeFor(c));
        assertThat(c.workloads().get(0).cases().get(0).metrics().get(0).change().currentSamples())
                .as("this run's iterations alone").isEqualTo(2 * 6);
    }

    @Test
    void theSlowedRunsVerdictDecidesItsExitCodeAndHeadline() throws Exception {
        RunComparison c = comparison("slow");
        RunComparison.WorkloadComparison w = c.workloads().get(0);
        assertThat(w.workload()).isEqualTo("test-knob");
        assertThat(w.cases().get(0).metrics()).extracting(RunComparison.MetricComparison::metric)
                .contains("mean", "p50", "p99", "throughput");
        assertThat(slowed.exitCode()).as(slowed.out() + slowed.err()).isEqualTo(exitCodeFor(c));
        switch (w.verdict()) {
            case REGRESSED -> {
                assertThat(c.verdict()).isEqualTo(RunComparison.REGRESSED);
                assertThat(slowed.out()).contains("REGRESSED: 1 workload(s) regressed (test-knob)");
                // a regression is a metric whose whole interval lies beyond the 60 % limit the runs were given
                assertThat(w.cases().get(0).metrics()).anySatisfy(m -> {
                    assertThat(m.change().verdict()).isEqualTo(ChangeVerdict.REGRESSED);
                    assertThat(m.change().reason()).contains("beyond the +60.0 % limit");
                });
            }
            case INCONCLUSIVE -> {
                assertThat(c.verdict()).isEqualTo(RunComparison.INCONCLUSIVE);
                assertThat(slowed.out()).contains("SOME INCONCLUSIVE", "1 inconclusive (test-knob)");
            }
            default -> assertThat(c.verdict()).isNotIn(RunComparison.REGRESSED, RunComparison.INCONCLUSIVE);
        }
    }

    @Test
    void theEvidencePinsTheSlowdownOnTheInjectedMethod() throws Exception {
        RunComparison.Why why = comparison("slow").workloads().get(0).why();
        ShareChange top = why.methods().get(0);
        assertThat(top.frame()).contains("KnobWorkload.injectedWork");
        assertThat(top.delta()).isPositive();
        assertThat(slowed.out()).contains("test-knob", "KnobWorkload.injectedWork");
        assertThat(why.flameGraphs()).contains("test-knob/flamegraph-cpu-diff.html");
    }

    @Test
    void theDifferentialFlameGraphShowsTheInjectedMethodInRed() throws Exception {
        Path page = dir.resolve("slow/test-knob/flamegraph-cpu-diff.html");
        JsonNode data = new ObjectMapper().readTree(HtmlFlameGraph.embeddedJson(Files.readString(page)));
        double[] change = shareChange(data, "KnobWorkload.injectedWork");
        String colour = FramePalette.diffColor(change[0], change[1]);
        int red = Integer.parseInt(colour.substring(1, 3), 16);
        int green = Integer.parseInt(colour.substring(3, 5), 16);
        int blue = Integer.parseInt(colour.substring(5, 7), 16);
        assertThat(change[0]).as("its share grew").isPositive();
        assertThat(red).as(colour).isGreaterThan(green).isGreaterThan(blue);
    }

    /** The run's report.html carries the comparison: the verdict, the table and why, linking the diff graphs. */
    @Test
    void theRunsReportPageShowsTheComparisonAndLinksTheDifferentialGraph() throws Exception {
        Document page = Jsoup.parse(dir.resolve("slow").resolve(RunPage.FILE).toFile());
        assertThat(page.select("#comparison table.comparison tbody tr")).isNotEmpty();
        assertThat(page.select("#comparison").text()).contains("KnobWorkload.injectedWork");
        List<String> links = page.select("#comparison a.flamegraph").eachAttr("href");
        assertThat(links).contains("test-knob/flamegraph-cpu-diff.html");
        links.forEach(l -> assertThat(dir.resolve("slow").resolve(l)).as(l).isRegularFile());
        if (RunComparison.REGRESSED.equals(comparison("slow").verdict())) {
            assertThat(page.select("#verdict").text()).contains("Failed");
            assertThat(page.select("#attention").text()).contains("Regressed against baseline before: test-knob");
        } else {
            assertThat(page.select("#attention").text()).doesNotContain("Regressed against baseline");
        }
    }

    @Test
    void theSameRunWithoutTheKnobExitsAsItsVerdictSays() throws Exception {
        RunComparison c = comparison("again");
        assertThat(c.workloads()).extracting(RunComparison.WorkloadComparison::workload).containsExactly("test-knob");
        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(exitCodeFor(c));
    }

    /** The same samples on both sides: no change whatever the machine did while they were taken. */
    @Test
    void aRunComparedWithItselfNeverRegresses() throws Exception {
        CommandLineRunner r = CommandLineRunner.run("compare", dir.resolve("base").toString(),
                dir.resolve("base").toString(), "--regression-limit", "60%", "--home", dir.resolve("home").toString(),
                "-o", dir.resolve("self").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        RunComparison c = Json.mapper().readValue(dir.resolve("self").resolve(ComparisonFiles.JSON).toFile(),
                RunComparison.class);
        assertThat(c.workloads()).singleElement().satisfies(w -> {
            assertThat(w.verdict()).isIn(ChangeVerdict.NO_CHANGE, ChangeVerdict.INCONCLUSIVE);
            assertThat(w.cases().get(0).metrics()).allSatisfy(m -> assertThat(m.change().change()).isZero());
        });
    }

    @Test
    void compareTakesRunFoldersAndBaselineNames() throws Exception {
        CommandLineRunner r = CommandLineRunner.run("compare", dir.resolve("base").toString(),
                dir.resolve("slow").toString(), "--regression-limit", "60%", "--home", dir.resolve("home").toString(),
                "-o", dir.resolve("cmp").toString());
        RunComparison written = Json.mapper().readValue(dir.resolve("cmp").resolve(ComparisonFiles.JSON).toFile(),
                RunComparison.class);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(exitCodeFor(written));
        assertThat(dir.resolve("cmp/test-knob/flamegraph-cpu-diff.html")).isRegularFile();
        assertThat(dir.resolve("cmp/comparison.md")).isRegularFile();
        Document page = Jsoup.parse(dir.resolve("cmp").resolve(ComparisonPage.FILE).toFile());
        assertThat(r.out()).contains("report: file:");
        page.select("a.flamegraph").eachAttr("href")
                .forEach(l -> assertThat(dir.resolve("cmp").resolve(l)).as(l).isRegularFile());
        assertThat(page.select("table.comparison tbody tr")).isNotEmpty();

        CommandLineRunner named = CommandLineRunner.run("compare", "before", dir.resolve("again/report.json")
                .toString(), "--regression-limit", "60%", "--home", dir.resolve("home").toString(), "-o",
                dir.resolve("cmp2").toString());
        RunComparison namedComparison = Json.mapper().readValue(dir.resolve("cmp2").resolve(ComparisonFiles.JSON)
                .toFile(), RunComparison.class);
        assertThat(namedComparison.baseline().label()).isEqualTo("baseline before");
        assertThat(named.exitCode()).as(named.out() + named.err()).isEqualTo(exitCodeFor(namedComparison));
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        String home = dir.resolve("home").toString();
        CommandLineRunner.run("compare", "nope", "before", "--home", home).assertUsage("'nope' is neither");
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{not json");
        CommandLineRunner.run("compare", garbage.toString(), "before", "--home", home).assertUsage("not a readable report.json");
        CommandLineRunner.run("run", "--baseline", "missing", "--home", home).assertUsage("no such baseline");
        CommandLineRunner.run("run", "--save-baseline", "../escape", "--home", home).assertUsage("baseline name");
        CommandLineRunner.run("run", "--regression-limit", "lots").assertUsage("--regression-limit");
    }


    /**
     * The change of share of the heaviest frame whose name contains {@code fragment}, and the graph's largest change
     * (the colour scale), decoded from the page's data: front-coded names, preorder nodes (name, children, self),
     * the baseline's totals per node.
     */
    static double[] shareChange(JsonNode data, String fragment) {
        JsonNode names = data.get("names");
        JsonNode prefixes = data.get("namePrefixes");
        String[] decoded = new String[names.size()];
        String previous = "";
        for (int i = 0; i < names.size(); i++) {
            decoded[i] = previous.substring(0, prefixes.get(i).asInt()) + names.get(i).asText();
            previous = decoded[i];
        }
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
            open.push(new int[]{node, nodes.get(node * 3 + 1).asInt()});
            while (!open.isEmpty() && open.peek()[1] == 0) {
                open.pop();
            }
        }
        for (int node = n - 1; node >= 0; node--) {
            if (parent[node] >= 0) {
                totals[parent[node]] += totals[node];
            }
        }
        double total = data.get("total").asDouble();
        double baseTotal = data.get("diff").get("baselineTotal").asDouble();
        JsonNode baseline = data.get("diff").get("baseline");
        double found = Double.NaN;
        long heaviest = -1;
        double scale = 0;
        for (int node = 0; node < n; node++) {
            long before = baseline.get(node).asLong();
            double change = totals[node] / total - (before < 0 ? 0 : before / baseTotal);
            scale = Math.max(scale, Math.abs(change));
            int name = nodes.get(node * 3).asInt(); // −1: the root, which has no name
            if (name >= 0 && decoded[name].contains(fragment) && totals[node] > heaviest) {
                heaviest = totals[node];
                found = change;
            }
        }
        return new double[]{found, scale};
    }
}
