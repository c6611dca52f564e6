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
import io.flightdeck.harness.env.NoiseAssessment;
import io.flightdeck.harness.files.Json;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.html.ComparisonPage;
import io.flightdeck.harness.report.html.RunPage;

/**
 * Baselines end to end on real child JVMs: save one, slow a workload down with its test-only knob, and the run
 * against the baseline fails, names the workload and pins the slowdown on the injected method, red in its
 * differential flame graph; without the knob, the same comparison passes.
 */
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

    /**
     * Whether the noise monitor found the machine quiet during the runs, and during their second runs to confirm a
     * regression: a busy one makes a slowdown doubtful.
     */
    static boolean quiet(String... runs) throws Exception {
        for (String run : runs) {
            for (Path folder : List.of(dir.resolve(run), dir.resolve(run).resolve(RegressionConfirmation.FOLDER))) {
                if (!Files.isRegularFile(folder.resolve("report.json"))) {
                    continue; // no second run: nothing regressed at first
                }
                RunReport r = Json.mapper().readValue(folder.resolve("report.json").toFile(), RunReport.class);
                if (r.noise().meanOtherCpuCores() > NoiseAssessment.MEAN_OTHER_CPU_WARN_CORES) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void theRegressionIsConfirmedByASecondRunOfTheWorkload() throws Exception {
        RunComparison c = comparison("slow");
        if (c.confirmation() == null) { // the first run was busy: inconclusive at once, nothing to confirm
            assertThat(quiet("slow")).isFalse();
            return;
        }
        assertThat(slowed.out()).contains("Regressed against before: test-knob. Running it again to confirm, 4 forks");
        assertThat(dir.resolve("slow").resolve(RegressionConfirmation.FOLDER).resolve("report.json")).isRegularFile();
        assertThat(c.confirmation().workloads()).containsExactly("test-knob");
        assertThat(c.confirmation().forks()).as("as many as a baseline").isEqualTo(4);
        MetricChange mean = c.workloads().get(0).cases().get(0).metrics().get(0).change();
        assertThat(mean.currentSamples()).as("both runs' iterations").isEqualTo((2 + 4) * 6);
        if (quiet("base", "slow")) {
            assertThat(c.confirmation().confirmed()).containsExactly("test-knob");
            assertThat(slowed.out()).contains("Confirmed by a second run: test-knob regressed");
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
        if (quiet("base", "slow-once")) {
            assertThat(slowedOnce.exitCode()).as(slowedOnce.out() + slowedOnce.err())
                    .isEqualTo(ExitCodes.CHECK_FAILED);
            assertThat(c.workloads().get(0).cases().get(0).metrics().get(0).change().currentSamples())
                    .as("this run's iterations alone").isEqualTo(2 * 6);
        }
    }

    @Test
    void theSlowedRunRegressesAndNamesTheWorkload() throws Exception {
        RunComparison c = comparison("slow");
        RunComparison.WorkloadComparison w = c.workloads().get(0);
        if (quiet("base", "slow")) {
            assertThat(slowed.exitCode()).as(slowed.out() + slowed.err()).isEqualTo(ExitCodes.CHECK_FAILED);
            assertThat(slowed.out()).contains("REGRESSED: 1 workload(s) regressed (test-knob)");
            assertThat(c.verdict()).isEqualTo(RunComparison.REGRESSED);
            assertThat(w.verdict()).isEqualTo(ChangeVerdict.REGRESSED);
        } else { // other processes took the CPU: the slowdown is real but cannot be pinned on the code
            assertThat(slowed.exitCode()).as(slowed.out() + slowed.err()).isZero();
            assertThat(w.verdict()).isEqualTo(ChangeVerdict.INCONCLUSIVE);
            assertThat(slowed.out()).contains("busy machine");
        }
        RunComparison.MetricComparison mean = w.cases().get(0).metrics().stream()
                .filter(m -> m.metric().equals("mean")).findFirst().orElseThrow();
        assertThat(mean.change().change()).isGreaterThan(0.5);
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
        if (quiet("base", "slow")) {
            assertThat(page.select("#verdict").text()).contains("Failed");
            assertThat(page.select("#attention").text()).contains("Regressed against baseline before: test-knob");
        }
    }

    @Test
    void theSameRunWithoutTheKnobDoesNotRegress() throws Exception {
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(comparison("again").verdict()).isNotEqualTo(RunComparison.REGRESSED);
    }

    @Test
    void compareTakesRunFoldersAndBaselineNames() throws Exception {
        CommandLineRunner r = CommandLineRunner.run("compare", dir.resolve("base").toString(),
                dir.resolve("slow").toString(), "--regression-limit", "60%", "--home", dir.resolve("home").toString(),
                "-o", dir.resolve("cmp").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(quiet("base", "slow") ? ExitCodes.CHECK_FAILED : 0);
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
        assertThat(named.exitCode()).as(named.out() + named.err()).isZero();
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
