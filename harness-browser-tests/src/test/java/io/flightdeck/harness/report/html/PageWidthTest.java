package io.flightdeck.harness.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Dimension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.flightdeck.browsertesting.Browser;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.history.HistoryEntries;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.profiling.Analysis;

/**
 * Every kind of report page fits the window from 1,280 px up (and scrolls inside its tables, not as a page, below
 * that): a quick run's report.html with its comparison, leak check and history; a leak check's; a comparison's; and
 * {@code analyze}'s. The pages come from a real run, a real {@code compare} and a real {@code analyze}, then every
 * name in them is made hostile: a 300-character class name with no place to break, as generated code has, a thread
 * name of 240 characters, a case label of 200 — so that a page does not fit by luck of short names.
 */
class PageWidthTest {

    /** One unbroken word of 300 characters, shaped like a generated class. */
    static final String LONG_CLASS = "com.example.generated." + "AbstractSingletonProxyFactoryBean".repeat(9)
            .substring(0, 278);
    static final String LONG_METHOD = LONG_CLASS + ".invokeWithArguments(" + LONG_CLASS + ")";
    static final String LONG_THREAD = "ForkJoinPool-worker-" + "thread".repeat(37);
    static final String LONG_CASE = "episodes=" + "1234567890".repeat(20);
    /** A workload's name is a folder's, so a report read back may only hold one like this: long, but no markup. */
    static final String LONG_WORKLOAD = "pattern" + "extraction".repeat(25);

    @TempDir
    static Path dir;
    static final Map<String, Path> PAGES = new java.util.LinkedHashMap<>();
    static Browser browser;

    @BeforeAll
    static void writePages() throws Exception {
        browser = Browser.start(); // first: without a browser the test is skipped before the run
        assertThat(LONG_CLASS).hasSize(300).doesNotContain(" ");
        Path run = dir.resolve("run");
        Cli quick = Cli.run("run", "-w", "pattern-extraction", "--warmup", "1", "--iterations", "3", "--iteration-ms",
                "200", "--no-history", "--out", run.toString());
        assertThat(quick.out()).as(quick.err()).contains("report: file:");

        // the analysis a run keeps for its workload, and analyze's of the same recording, with hostile names
        Path recording = run.resolve("pattern-extraction/recording.jfr");
        Cli analyze = Cli.run("analyze", recording.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        Path analysisDir = run.resolve("pattern-extraction/recording-analysis");
        Analysis analysis = hostile(analysisDir.resolve("analysis.json"), Analysis.class);
        try (Stream<Path> files = Files.list(analysisDir)) {
            AnalysisPage.write(analysis, analysisDir, files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("flamegraph-")).sorted().toList());
        }
        PAGES.put("analysis", analysisDir.resolve(AnalysisPage.FILE));
        hostile(run.resolve("pattern-extraction/analysis.json"), Analysis.class);

        // the run's report with a leak check added (a real one's evidence), names made hostile
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(run.resolve("report.json").toFile());
        JsonNode leakCheck;
        try (InputStream in = PageWidthTest.class.getResourceAsStream("leak-check.json")) {
            leakCheck = Json.mapper().readTree(in);
        }
        tree.putArray("leakChecks").add(leakCheck.deepCopy());
        hostile(tree, null);
        Json.writeAtomically(Json.mapper(), run.resolve("report.json"), tree); // what compare reads
        RunReport report = Json.mapper().treeToValue(tree, RunReport.class);

        // a comparison of the run with itself, with a regressed workload's "why" in hostile names
        Path comparisonDir = dir.resolve("comparison");
        Cli compare = Cli.run("compare", run.toString(), run.toString(), "--out", comparisonDir.toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        ObjectNode comparisonTree = (ObjectNode) Json.mapper().readTree(comparisonDir.resolve("comparison.json").toFile());
        ObjectNode why = ((ObjectNode) comparisonTree.path("workloads").get(0)).putObject("why");
        why.put("note", "Regressed: " + LONG_METHOD);
        for (String kind : List.of("methods", "allocationSites")) {
            why.putArray(kind).addObject().put("frame", LONG_METHOD).put("baselineShare", 0.1).put("currentShare", 0.3);
        }
        why.putArray("flameGraphs").add("pattern-extraction/flamegraph-cpu-diff.html");
        RunComparison comparison = Json.mapper().treeToValue(comparisonTree, RunComparison.class);
        ComparisonPage.write(comparison, comparisonDir);
        PAGES.put("comparison", comparisonDir.resolve(ComparisonPage.FILE));

        // the run's page: comparison, leak check, and a history of three runs
        HistoryEntry now = HistoryEntries.of(report, null);
        List<HistoryEntry> history = new ArrayList<>();
        for (int daysAgo = 2; daysAgo >= 0; daysAgo--) {
            history.add(new HistoryEntry(now.schemaVersion(), now.source(), now.runId() + daysAgo,
                    now.time().minusSeconds(86_400L * daysAgo), now.commit(), now.suite(), now.fingerprint(),
                    now.machine(), now.verdict(), now.points()));
        }
        RunPage.write(report, run, comparison, history, report.exitCode());
        PAGES.put("run", run.resolve(RunPage.FILE));

        // a leak check's page: the check alone
        ObjectNode leakOnly = tree.deepCopy();
        leakOnly.putArray("workloads");
        leakOnly.putArray("budgets");
        Path leakDir = Files.createDirectories(dir.resolve("leak-check"));
        RunPage.write(Json.mapper().treeToValue(leakOnly, RunReport.class), leakDir, null, List.of(), 1);
        PAGES.put("leak check", leakDir.resolve(RunPage.FILE));
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<Arguments> pagesAndWidths() {
        return Stream.of("run", "leak check", "comparison", "analysis")
                .flatMap(page -> Stream.of(1280, 1400, 1920).map(width -> Arguments.of(page, width)));
    }

    /**
     * No horizontal scroll with every section unfolded: the document is no wider than its viewport. (Not {@code
     * innerWidth}: that counts the vertical scroll bar, which the document cannot use.)
     */
    @ParameterizedTest(name = "{0} at {1} px")
    @MethodSource("pagesAndWidths")
    void thePageFitsTheWindow(String name, int width) {
        open(name, width);
        long scrollWidth = browser.eval("return document.documentElement.scrollWidth");
        long viewport = browser.eval("return document.documentElement.clientWidth");
        assertThat(scrollWidth).as("%s: wider than the window by %s", name, sticking()).isLessThanOrEqualTo(viewport);
        assertThat(browser.problems()).isEmpty();
    }

    /**
     * Tables of names wrap their names, and a leak check's suspects their reference chains: none needs scrolling of
     * its own, even with 300-character names.
     */
    @ParameterizedTest(name = "{0} at {1} px")
    @MethodSource("pagesAndWidths")
    void namesWrapRatherThanScroll(String name, int width) {
        open(name, width);
        List<String> scrolling = browser.eval("""
                return Array.from(document.querySelectorAll('.table-scroll, #leak-checks pre'))
                  .filter(box => box.matches('pre') || box.querySelector('table.ranked, table.rules')
                      || box.textContent.includes(arguments[0]))
                  .filter(box => box.scrollWidth > box.clientWidth)
                  .map(box => box.textContent.slice(0, 80));
                """, LONG_CLASS);
        assertThat(scrolling).as(name).isEmpty();
    }

    /** Below 1,280 px a table of many figures may scroll inside its card; the page itself still does not. */
    @ParameterizedTest(name = "{0} at 600 px")
    @MethodSource("pageNames")
    void aNarrowWindowScrollsTablesNotThePage(String name) {
        open(name, 600);
        long scrollWidth = browser.eval("return document.documentElement.scrollWidth");
        long viewport = browser.eval("return document.documentElement.clientWidth");
        assertThat(scrollWidth).as("%s: wider than the window by %s", name, sticking()).isLessThanOrEqualTo(viewport);
    }

    static Stream<String> pageNames() {
        return Stream.of("run", "leak check", "comparison", "analysis");
    }

    /** The hostile names are on the pages (the test would prove nothing if they were not), as text. */
    @Test
    void theHostileNamesAreShown() throws Exception {
        open("run", 1280);
        assertThat((String) browser.eval("return document.body.innerText")).contains(LONG_METHOD, LONG_THREAD, LONG_CASE);
        open("analysis", 1280);
        assertThat((String) browser.eval("return document.body.innerText")).contains(LONG_METHOD, LONG_THREAD,
                LONG_CLASS + ".instance");
        open("comparison", 1280);
        assertThat((String) browser.eval("return document.body.innerText")).contains(LONG_METHOD, LONG_CASE);
        open("leak check", 1280);
        assertThat((String) browser.eval("return document.body.innerText")).contains(LONG_CLASS + ".instance");
    }

    /** Times to the second, in UTC; report.json and analysis.json keep the nanoseconds. */
    @Test
    void timesAreShownToTheSecond() throws Exception {
        for (String page : PAGES.keySet()) {
            open(page, 1280);
            // the JVM's own description is shown as the JVM gives it, and JDK 25's says "built on 2026-04-21T00:00:00Z"
            String text = browser.<String>eval("return document.body.innerText")
                    .replaceAll("built on \\S+", "built on (the JVM's words)");
            assertThat(text).as(page).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC")
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        }
    }

    static void open(String page, int width) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        browser.clearRecords();
        browser.open(PAGES.get(page));
        browser.eval("document.querySelectorAll('details').forEach(d => d.open = true)"); // the widest it gets
    }

    /** The outermost elements that reach past the viewport, for the failure message. */
    static String sticking() {
        return browser.eval("""
                const w = document.documentElement.clientWidth, out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const p = e.parentElement;
                  if (e.getBoundingClientRect().right > w + 0.5 && !(p && p.getBoundingClientRect().right > w + 0.5)) {
                    out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' to '
                        + Math.round(e.getBoundingClientRect().right) + ' px: ' + e.textContent.slice(0, 60));
                  }
                }
                return out.join('; ');
                """);
    }

    /** Reads a JSON file, makes its names hostile, writes it back and returns it as {@code type} (null: no return). */
    static <T> T hostile(Path file, Class<T> type) throws Exception {
        JsonNode tree = Json.mapper().readTree(file.toFile());
        hostile(tree, null);
        Json.writeAtomically(Json.mapper(), file, tree);
        return type == null ? null : Json.mapper().treeToValue(tree, type);
    }

    /**
     * The first entry of every list of named things gets a hostile name: a class or method (rankings, frames, old
     * objects, workloads), a thread (the by-thread rankings), a case label; every reference chain gets a long link.
     */
    static void hostile(JsonNode node, String field) {
        if (node instanceof ArrayNode list && !list.isEmpty()) {
            if (list.get(0) instanceof ObjectNode first) {
                boolean threads = field != null && field.toLowerCase().contains("thread");
                replace(first, "name", "workloads".equals(field) ? LONG_WORKLOAD : threads ? LONG_THREAD : LONG_METHOD);
                replace(first, "frame", LONG_METHOD);
                replace(first, "className", LONG_CLASS);
                replace(first, "label", LONG_CASE);
                replace(first, "caseLabel", LONG_CASE);
            }
            if ("path".equals(field) && list.get(0).isTextual()) {
                list.add(LONG_CLASS + ".instance");
            }
        }
        if (node instanceof ObjectNode object && object.path("chains") instanceof ArrayNode chains && chains.isEmpty()) {
            chains.addObject().put("samples", 1).putArray("path").add("static " + LONG_CLASS + ".instance");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                hostile(e.getValue(), e.getKey());
            }
        } else if (node.isArray()) {
            node.forEach(child -> hostile(child, field));
        }
    }

    private static void replace(ObjectNode node, String key, String value) {
        if (node.path(key).isTextual()) {
            node.put(key, value);
        }
    }
}
