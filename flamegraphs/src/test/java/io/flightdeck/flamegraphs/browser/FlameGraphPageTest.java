package io.flightdeck.flamegraphs.browser;

import io.flightdeck.browsertesting.Browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FoldedFormat;
import io.flightdeck.flamegraphs.FramePalette;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.WeightUnit;
import io.flightdeck.flamegraphs.html.HtmlFlameGraph;
import io.flightdeck.flamegraphs.svg.SvgFlameGraph;

/** The interactive page in a real headless Chromium: what a person clicks, types and reads. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlameGraphPageTest {

    /** 100 samples: handle 80 (query 40 = HashMap.get 30 + hashCode 10; Json.write 40), worker 20. */
    static final String PROFILE = """
            main;app.Service.handle;app.Repo.query;java.util.HashMap.get 30
            main;app.Service.handle;app.Repo.query;java.lang.String.hashCode 10
            main;app.Service.handle;app.Json.write 40
            main;app.Worker.run;java.util.HashMap.get 20
            """;

    static final List<String> HOSTILE = List.of("<script>window.__pwned=1</script>", "\"double\" & 'single'",
            "</svg>", "<img src=x onerror=window.__pwned=2>", "</script><script>window.__pwned=3</script>",
            "a\u2028b ]]> <!-- x -->");

    @TempDir
    Path dir;
    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void forget() {
        browser.clearRecords();
    }

    @Test
    void loadsWithoutErrorsOrRequestsAndSaysWhatItShows() throws IOException {
        Path page = open(tree(PROFILE), GraphInfo.of("Checkout service", "CPU samples", WeightUnit.SAMPLES)
                .withSpan(Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T10:01:30Z")));

        assertThat(browser.problems()).isEmpty();
        assertThat(browser.requests()).containsExactly(page.toUri().toString());
        assertThat((Long) browser.eval("return performance.getEntriesByType('resource').length")).isZero();
        assertThat(browser.driver().getTitle()).isEqualTo("Checkout service — CPU samples");
        assertThat(text("facts")).contains("CPU samples", "total 100 samples", "recorded 2026-11-27 10:00:00 UTC",
                "to 2026-11-27 10:01:30 UTC", "(90.0 s)");
        assertThat(text("legend")).contains("application", "JDK", "native", "kernel", "GC");
        assertThat(frames("all")).singleElement().satisfies(f -> assertThat(f.get("w")).isEqualTo(width()));
    }

    @Test
    void clickingAFrameZoomsItToTheFullWidthAndResetRestores() throws IOException {
        open(tree(PROFILE), info());
        double full = width();
        assertThat(frame("app.Repo.query").get("w")).isCloseTo(full * 0.4, within(1.0));

        click(frame("app.Repo.query"));

        assertThat((String) browser.eval("return flamegraph.zoomed()")).isEqualTo("app.Repo.query");
        Map<String, Double> zoomed = frame("app.Repo.query");
        assertThat(zoomed.get("x")).isZero();
        assertThat(zoomed.get("w")).isCloseTo(full, within(0.5));
        assertThat(frame("java.util.HashMap.get").get("w")).isCloseTo(full * 0.75, within(1.0));
        // drawn, not only laid out: the frame's colour reaches both edges of the canvas
        double y = zoomed.get("y") + 8;
        assertThat(pixel(full * 0.25, y)).isEqualTo(pixel(full - 6, y)).isNotEqualTo("#ffffff");
        assertThat(text("crumbs")).isEqualTo("all›main›app.Service.handle›app.Repo.query");
        assertThat(frame("app.Worker.run")).isNull();

        browser.driver().findElement(By.id("reset")).click();

        assertThat((String) browser.eval("return flamegraph.zoomed()")).isEqualTo("all");
        assertThat(frame("app.Repo.query").get("w")).isCloseTo(full * 0.4, within(1.0));
        assertThat(frame("app.Worker.run")).isNotNull();
        assertThat(browser.problems()).isEmpty();
    }

    @Test
    void breadcrumbsZoomBackOut() throws IOException {
        open(tree(PROFILE), info());
        click(frame("java.lang.String.hashCode"));
        browser.driver().findElement(By.xpath("//nav[@id='crumbs']/button[text()='app.Service.handle']")).click();
        assertThat((String) browser.eval("return flamegraph.zoomed()")).isEqualTo("app.Service.handle");
        assertThat(frame("app.Service.handle").get("w")).isCloseTo(width(), within(0.5));
    }

    @Test
    void searchHighlightsMatchesAndReportsTheirShare() throws IOException {
        open(tree(PROFILE), info());

        search("hashmap", false);

        assertThat(text("matched")).isEqualTo("Matched: 50.0% of all (50 samples)");
        for (Map<String, Double> f : frames("java.util.HashMap.get")) {
            assertThat(pixel(f.get("x") + f.get("w") / 2, f.get("y") + 8)).isEqualTo(FramePalette.MATCH);
        }
        Map<String, Double> json = frame("app.Json.write");
        assertThat(pixel(json.get("x") + 2, json.get("y") + 3)).isNotEqualTo(FramePalette.MATCH);

        search("Repo\\.query|Json", true); // a match under a match counts once
        assertThat(text("matched")).isEqualTo("Matched: 80.0% of all (80 samples)");

        click(frame("app.Service.handle"));
        assertThat(text("matched")).isEqualTo("Matched: 80.0% of all (80 samples); 100.0% of the zoomed frame");

        search("(unclosed", true);
        assertThat(text("matched")).startsWith("Not a valid regular expression");
        assertThat(browser.driver().findElement(By.id("search")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.problems()).isEmpty();
    }

    @Test
    void hoverShowsNameWeightAndShares() throws IOException {
        open(tree(PROFILE), info());
        Map<String, Double> json = frame("app.Json.write");

        new Actions(browser.driver()).moveToElement(canvas(), offsetX(json.get("x") + json.get("w") / 2),
                offsetY(json.get("y") + 8)).perform();

        WebElement tooltip = browser.driver().findElement(By.id("tooltip"));
        assertThat(tooltip.isDisplayed()).isTrue();
        assertThat(tooltip.getText()).contains("app.Json.write", "application frame",
                "Total: 40 samples, 40.0% of all, 50.0% of its parent", "Self: 40 samples, 40.0% of all");
        assertThat(text("details")).contains("app.Json.write", "50.0% of its parent");
    }

    @Test
    void keyboardMovesFocusAndZooms() throws IOException {
        open(tree(PROFILE), info());
        WebElement canvas = canvas();
        click(frame("all")); // zooms to all, focuses the canvas and the root frame
        canvas.sendKeys(Keys.ARROW_UP); // flame view: up goes toward the leaves
        assertThat(text("details")).contains("main");
        canvas.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP, Keys.ENTER);
        assertThat((String) browser.eval("return flamegraph.zoomed()")).isEqualTo("app.Json.write");
        canvas.sendKeys(Keys.ESCAPE);
        assertThat((String) browser.eval("return flamegraph.zoomed()")).isEqualTo("all");
    }

    @Test
    void icicleHasTheRootOnTopAndFlameAtTheBottom() throws IOException {
        open(tree(PROFILE), info());
        double flameRootY = frame("all").get("y");
        assertThat(flameRootY).isGreaterThan(frame("main").get("y"));

        browser.driver().findElement(By.id("view-icicle")).click();

        assertThat(frame("all").get("y")).isZero();
        assertThat(frame("main").get("y")).isGreaterThan(0);
    }

    @Test
    void invertedViewMergesByLeaf() throws IOException {
        open(tree(PROFILE), info());

        browser.driver().findElement(By.id("view-inverted")).click();

        assertThat((String) browser.eval("return flamegraph.view()")).isEqualTo("inverted");
        assertThat((String) browser.eval("return flamegraph.widestAt(1)")).isEqualTo("java.util.HashMap.get");
        assertThat(frame("java.util.HashMap.get").get("w")).isCloseTo(width() * 0.5, within(1.0));
        // its callers, merged: Repo.query (30) and Worker.run (20) directly under the leaf
        assertThat(frame("app.Repo.query").get("depth")).isEqualTo(2.0);
        assertThat(frame("app.Worker.run").get("w")).isCloseTo(width() * 0.2, within(1.0));

        click(frame("java.util.HashMap.get")); // zooming rebuilds the callers view around the leaf

        assertThat((String) browser.eval("return flamegraph.zoomed()")).isEqualTo("java.util.HashMap.get");
        assertThat(text("details")).contains("java.util.HashMap.get", "Total: 50 samples, 50.0% of all");
        assertThat(frame("java.util.HashMap.get").get("w")).isCloseTo(width(), within(0.5));
        assertThat(frame("app.Repo.query").get("w")).isCloseTo(width() * 0.6, within(1.0));
        assertThat(text("crumbs")).isEqualTo("all›java.util.HashMap.get");
        click(frame("app.Repo.query"));
        assertThat(text("crumbs")).isEqualTo("all›java.util.HashMap.get›app.Repo.query");
        assertThat(frame("app.Service.handle").get("w")).isCloseTo(width(), within(0.5));
        browser.driver().findElement(By.id("reset")).click();
        assertThat(frame("app.Json.write").get("w")).isCloseTo(width() * 0.4, within(1.0));
        assertThat(browser.problems()).isEmpty();
    }

    @Test
    void frameNamesAreTextNeverMarkup() throws IOException {
        StringBuilder folded = new StringBuilder();
        for (String name : HOSTILE) {
            folded.append("main;").append(name.replace(";", ":")).append(" 10\n");
        }
        open(tree(folded.toString()), GraphInfo.of("<b>title</b> & \"quotes\"", "</script>", WeightUnit.SAMPLES));

        assertThat(browser.problems()).isEmpty();
        assertThat((Object) browser.eval("return window.__pwned")).isNull();
        assertThat((Long) browser.eval("return document.querySelectorAll('img, b, svg').length")).isZero();
        // the loader and the script it unpacked; the other two blocks are data no browser runs
        assertThat((Long) browser.eval("return Array.from(document.scripts).filter(s => !s.type).length")).isEqualTo(2);
        assertThat((Long) browser.eval("return document.scripts.length")).isEqualTo(4);
        assertThat(text("title")).isEqualTo("<b>title</b> & \"quotes\"");
        for (String name : HOSTILE) {
            Map<String, Double> f = frame(name);
            assertThat(f).as(name).isNotNull();
            click(f);
            assertThat(text("crumbs")).isEqualTo("all›main›" + name);
            assertThat((String) browser.eval("return flamegraph.zoomed()")).isEqualTo(name);
            browser.driver().findElement(By.id("reset")).click();
        }
        assertThat((Object) browser.eval("return window.__pwned")).isNull();
    }

    @Test
    void frameNamesAreTextInTheSvgToo() throws IOException {
        StringBuilder folded = new StringBuilder();
        for (String name : HOSTILE) {
            folded.append("main;").append(name.replace(";", ":")).append(" 10\n");
        }
        Path svg = Files.createTempFile(dir, "hostile-", ".svg");
        try (Writer out = Files.newBufferedWriter(svg, StandardCharsets.UTF_8)) {
            SvgFlameGraph.write(tree(folded.toString()), GraphInfo.of("<b>svg</b>", "</svg>", WeightUnit.SAMPLES), out);
        }
        browser.open(svg);

        assertThat(browser.problems()).isEmpty();
        assertThat((Object) browser.eval("return window.__pwned")).isNull();
        assertThat((Long) browser.eval("return document.querySelectorAll('script, img, foreignObject').length")).isZero();
        assertThat((String) browser.eval("return document.documentElement.localName")).isEqualTo("svg");
        List<String> labels = browser.eval("return Array.from(document.querySelectorAll('g.frame > title'), t => t.textContent)");
        for (String name : HOSTILE) {
            assertThat(labels).as(name).anySatisfy(label -> assertThat(label).startsWith(name));
        }
    }

    @Test
    void theAddressKeepsTheViewAndTheSearch() throws IOException {
        Path page = open(tree(PROFILE), info());
        browser.driver().findElement(By.id("view-icicle")).click();
        search("Repo|Json", true);
        String address = browser.driver().getCurrentUrl();
        assertThat(address).contains("#").contains("view=icicle", "regex=1");

        browser.openFlameGraph(page); // without the hash: the defaults
        assertThat((String) browser.eval("return flamegraph.view()")).isEqualTo("flame");
        browser.driver().get(address);
        browser.driver().navigate().refresh();
        browser.waitForFlameGraph();

        assertThat((String) browser.eval("return flamegraph.view()")).isEqualTo("icicle");
        assertThat(text("matched")).isEqualTo("Matched: 80.0% of all (80 samples)");
        assertThat(browser.problems()).isEmpty();
    }

    @Test
    void aStackDeeperThanACanvasCanDrawIsReachedByZooming() throws IOException {
        CallTree tree = new CallTree();
        String[] frames = new String[3_000];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = "f" + i;
        }
        tree.add(frames, frames.length, 5);
        tree.add(List.of("f0", "side"), 5);
        open(tree, info());
        assertThat(browser.driver().findElement(By.id("depth-note")).isDisplayed()).isTrue();
        assertThat(frames("f2999")).isEmpty();

        jsClick("f1500");

        assertThat((String) browser.eval("return flamegraph.zoomed()")).isEqualTo("f1500");
        assertThat(frames("f2999")).singleElement().satisfies(f -> assertThat(f.get("w")).isCloseTo(width(), within(0.5)));
        assertThat(frames("f1488")).hasSize(1); // twelve rows of callers stay above the zoomed frame
        assertThat(frames("f1487")).isEmpty();
        assertThat(text("crumbs")).startsWith("all›f0›f1›").endsWith("›f1499›f1500");
        assertThat(browser.driver().findElement(By.id("depth-note")).isDisplayed()).isFalse();
        assertThat(browser.problems()).isEmpty();
    }

    /** A graph three times the window's height: the flame view opens on its root, not on the tips of its towers. */
    @Test
    void theFlameViewOpensWithTheRootInView() throws IOException {
        CallTree tree = new CallTree();
        String[] frames = new String[150]; // 150 levels of 17 px: 2,550 px
        for (int i = 0; i < frames.length; i++) {
            frames[i] = "f" + i;
        }
        tree.add(frames, frames.length, 5);
        tree.add(List.of("f0", "side"), 5);
        Dimension size = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        try {
            open(tree, info());
            assertThat(inView("all")).as("the root, on opening").isTrue();
            assertThat(inView("f0")).as("the widest frame above it").isTrue();

            browser.driver().findElement(By.id("view-icicle")).click();
            browser.eval("window.scrollTo(0, 0)");
            assertThat(inView("all")).as("icicle: the root on top, as before").isTrue();
            browser.driver().findElement(By.id("view-flame")).click();
            assertThat(inView("all")).as("back in flame view").isTrue();
            assertThat(browser.problems()).isEmpty();
        } finally {
            browser.driver().manage().window().setSize(size);
        }
    }

    /** Whether the frame is wholly inside the window, above the details bar fixed at its bottom. */
    boolean inView(String name) {
        return browser.eval("""
                const f = flamegraph.frames(arguments[0])[0], c = document.getElementById('canvas').getBoundingClientRect();
                const top = c.top + f.y, bottom = top + f.h;
                return top >= 0 && bottom <= window.innerHeight - document.getElementById('details').offsetHeight;
                """, name);
    }

    @Test
    void anEmptyProfileSaysSo() throws IOException {
        open(new CallTree(), info());
        assertThat(text("empty")).contains("No samples");
        assertThat(browser.driver().findElement(By.id("chart")).isDisplayed()).isFalse();
        assertThat(browser.problems()).isEmpty();
    }

    @Test
    void aDiffAgainstItselfIsAllNeutral() throws IOException {
        CallTree tree = tree(PROFILE);
        openDiff(tree, tree);
        for (String name : List.of("main", "app.Service.handle", "app.Repo.query", "java.util.HashMap.get",
                "app.Json.write", "app.Worker.run")) {
            for (Map<String, Double> f : frames(name)) {
                assertThat(pixel(f.get("x") + 2, f.get("y") + 3)).as(name).isEqualTo(FramePalette.NEUTRAL);
            }
        }
        assertThat(browser.driver().findElement(By.id("view-inverted")).isEnabled()).isFalse();
        assertThat(browser.problems()).isEmpty();
    }

    @Test
    void aDiffColoursGrowthRedShrinkageBlueAndMarksNewFrames() throws IOException {
        CallTree baseline = tree(PROFILE.replaceAll(" (\\d+)\n", " $100\n")); // 10,000 samples: changes are significant
        // Json.write's own time grows from 40 % to 70 %; HashMap.get's falls from 50 % to 15 %; a new method appears
        CallTree current = tree("""
                main;app.Service.handle;app.Repo.query;java.util.HashMap.get 1000
                main;app.Service.handle;app.Repo.query;java.lang.String.hashCode 1000
                main;app.Service.handle;app.Json.write 7000
                main;app.Worker.run;java.util.HashMap.get 500
                main;app.Cache.evict 500
                """);
        openDiff(baseline, current);

        Map<String, Double> grew = frame("app.Json.write");
        Map<String, Double> shrank = frame("java.util.HashMap.get");
        assertThat(rgb(pixel(grew.get("x") + 2, grew.get("y") + 3))).satisfies(c -> assertThat(c[0]).isGreaterThan(c[2]));
        assertThat(rgb(pixel(shrank.get("x") + 2, shrank.get("y") + 3))).satisfies(c -> assertThat(c[2]).isGreaterThan(c[0]));
        // Repo.query's total halved, but it has no time of its own: its callee's change is not painted on it too
        Map<String, Double> caller = frame("app.Repo.query");
        assertThat(pixel(caller.get("x") + 2, caller.get("y") + 3)).isEqualTo(FramePalette.NEUTRAL);

        Map<String, Double> added = frame("app.Cache.evict");
        new Actions(browser.driver()).moveToElement(canvas(), offsetX(added.get("x") + added.get("w") / 2),
                offsetY(added.get("y") + 8)).perform();
        assertThat(text("tooltip")).contains("Method not in the baseline at all — new in this profile");
        new Actions(browser.driver()).moveToElement(canvas(), offsetX(grew.get("x") + grew.get("w") / 2),
                offsetY(grew.get("y") + 8)).perform();
        assertThat(text("tooltip")).contains("Total: 7,000 samples, 70.0% of all",
                "Baseline: 4,000 samples, 40.0% of all", "Change in share: +30.00 pp",
                "Method, self: 40.0% → 70.0%, +30.00 pp (significant)");
        assertThat(text("notes")).contains("Differential graph");
        assertThat(browser.problems()).isEmpty();
    }

    // ---------- helpers ----------

    static CallTree tree(String folded) throws IOException {
        return FoldedFormat.read(new StringReader(folded));
    }

    static GraphInfo info() {
        return GraphInfo.of("test profile", "CPU samples", WeightUnit.SAMPLES);
    }

    Path open(CallTree tree, GraphInfo info) throws IOException {
        Path page = Files.createTempFile(dir, "flamegraph-", ".html");
        try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            HtmlFlameGraph.write(tree, info, out);
        }
        browser.openFlameGraph(page);
        return page;
    }

    void openDiff(CallTree baseline, CallTree current) throws IOException {
        Path page = Files.createTempFile(dir, "diff-", ".html");
        try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            HtmlFlameGraph.writeDiff(baseline, current, GraphInfo.of("diff", "CPU samples", WeightUnit.SAMPLES), out);
        }
        browser.openFlameGraph(page);
    }

    String text(String id) {
        return (String) browser.eval("return document.getElementById(arguments[0]).textContent", id);
    }

    WebElement canvas() {
        return browser.driver().findElement(By.id("canvas"));
    }

    double width() {
        return ((Number) browser.eval("return flamegraph.width()")).doubleValue();
    }

    List<Map<String, Double>> frames(String name) {
        List<Map<String, Object>> raw = browser.eval("return flamegraph.frames(arguments[0])", name);
        return raw.stream().map(FlameGraphPageTest::numbers).toList();
    }

    Map<String, Double> frame(String name) {
        List<Map<String, Double>> all = frames(name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static Map<String, Double> numbers(Map<String, Object> f) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        f.forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }

    void click(Map<String, Double> f) {
        new Actions(browser.driver()).moveToElement(canvas(), offsetX(f.get("x") + Math.min(f.get("w") / 2, 20)),
                offsetY(f.get("y") + 8)).click().perform();
    }

    /** A click on a frame wherever it is on a canvas taller than the window: scrolled to, then dispatched. */
    void jsClick(String name) {
        browser.eval("""
                const f = flamegraph.frames(arguments[0])[0], c = document.getElementById('canvas');
                window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY + f.y - 200);
                const r = c.getBoundingClientRect();
                c.dispatchEvent(new MouseEvent('click', { clientX: r.left + f.x + 2, clientY: r.top + f.y + 8, bubbles: true }));
                """, name);
    }

    // Selenium's offsets count from the element's centre.
    int offsetX(double x) {
        return (int) Math.floor(x - canvas().getSize().getWidth() / 2.0);
    }

    int offsetY(double y) {
        return (int) Math.floor(y - canvas().getSize().getHeight() / 2.0);
    }

    void search(String query, boolean regex) {
        WebElement box = browser.driver().findElement(By.id("search"));
        WebElement regexBox = browser.driver().findElement(By.id("regex"));
        if (regexBox.isSelected() != regex) {
            regexBox.click();
        }
        box.clear();
        box.sendKeys(query, Keys.ENTER);
    }

    String pixel(double x, double y) {
        return browser.eval("""
                // a copy to read from, so the page's own canvas is never read back (Chromium warns when it is)
                const copy = document.createElement('canvas');
                copy.width = 1;
                copy.height = 1;
                const g = copy.getContext('2d', { willReadFrequently: true });
                g.drawImage(document.getElementById('canvas'), Math.round(arguments[0] * devicePixelRatio),
                    Math.round(arguments[1] * devicePixelRatio), 1, 1, 0, 0, 1, 1);
                const d = g.getImageData(0, 0, 1, 1).data;
                return '#' + [d[0], d[1], d[2]].map(v => v.toString(16).padStart(2, '0')).join('');
                """, x, y);
    }

    static int[] rgb(String hex) {
        return new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
            Integer.parseInt(hex.substring(5, 7), 16)};
    }
}
