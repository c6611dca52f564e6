package io.flightdeck.harness.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import io.flightdeck.browsertesting.Browser;
import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.report.RunReport;

/**
 * The report of a real run in a real headless Chromium: a short run of two engine workloads saved as a baseline, then
 * a second run against it (so the page has a comparison and a history trend). The page must load with no error
 * and no request, draw every chart with points, link flame graphs that open, and show the budgets of report.json.
 */
class RunPageBrowserTest {

    @TempDir
    static Path dir;
    static Path page;
    static RunReport report;
    static Browser browser;

    static String[] run(String out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-w", "pattern-extraction", "-w", "lifecycle",
                "--warmup", "1", "--iterations", "4", "--iteration-ms", "200", "--home",
                dir.resolve("home").toString(), "--out", dir.resolve(out).toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void runTwiceAndOpen() throws Exception {
        Cli first = Cli.run(run("first", "--save-baseline", "before"));
        assertThat(first.err()).doesNotContain("Exception");
        Cli second = Cli.run(run("second", "--baseline", "before"));
        assertThat(second.out()).as(second.err()).contains("report: file:");
        page = dir.resolve("second").resolve(RunPage.FILE);
        report = Json.mapper().readValue(dir.resolve("second/report.json").toFile(), RunReport.class);
        browser = Browser.start();
        browser.open(page);
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void loadsWithoutErrorsOrRequests() {
        browser.clearRecords();
        browser.open(page);
        assertThat(browser.problems()).isEmpty();
        assertThat(browser.requests()).containsExactly(page.toUri().toString());
        assertThat(browser.driver().findElement(By.id("verdict")).getText()).containsAnyOf("Passed", "Failed");
    }

    @Test
    void everyChartHasDataPoints() {
        browser.open(page);
        List<WebElement> charts = browser.driver().findElements(By.cssSelector("figure.chart"));
        // per workload a latency and a throughput chart at least, and the history of both runs
        assertThat(charts.size()).isGreaterThanOrEqualTo(2 * report.workloads().size() + 1);
        for (WebElement chart : charts) {
            String title = chart.findElement(By.tagName("figcaption")).getAttribute("textContent");
            assertThat(chart.findElements(By.cssSelector("svg circle.point"))).as(title).isNotEmpty();
        }
        assertThat(browser.driver().findElements(By.cssSelector("#history figure.chart"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#comparison table.comparison"))).isNotEmpty();
    }

    @Test
    void everyFlameGraphLinkOpens() {
        browser.open(page);
        List<String> links = browser.driver().findElements(By.cssSelector("a.flamegraph")).stream()
                .map(a -> a.getAttribute("href")).toList();
        // cpu and alloc graphs for each workload at least
        assertThat(links.size()).isGreaterThanOrEqualTo(2 * report.workloads().size());
        for (String link : links) {
            browser.clearRecords();
            browser.driver().get(link);
            browser.waitForFlameGraph();
            assertThat(browser.problems()).as(link).isEmpty();
            assertThat((Boolean) browser.eval("return typeof window.flamegraph === 'object'")).as(link).isTrue();
            assertThat((String) browser.eval("return flamegraph.widestAt(1)")).as(link).isNotBlank();
        }
    }

    @Test
    void theBudgetsTableIsReportJsons() {
        browser.open(page);
        assertThat(report.budgets()).isNotEmpty();
        List<List<String>> shown = new ArrayList<>();
        for (WebElement tr : browser.driver().findElements(By.cssSelector("table#budgets tbody tr"))) {
            shown.add(tr.findElements(By.tagName("td")).stream().map(td -> td.getAttribute("textContent")).toList());
        }
        List<List<String>> expected = report.budgets().stream().map(v -> List.of(v.workload(), v.caseLabel(),
                v.metric(), BudgetFormat.target(v), BudgetFormat.measured(v), RunPage.statusText(v.status()),
                BudgetFormat.margin(v))).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
        // and the worst comes first
        long failed = report.budgets().stream().filter(v -> v.status() == BudgetVerdict.Status.FAIL).count();
        if (failed > 0) {
            assertThat(shown.get(0).get(5)).isEqualTo(RunPage.statusText(BudgetVerdict.Status.FAIL));
        }
    }

    /**
     * A picture for the README, with the first workload unfolded; refreshed by every run of this test
     * (docs/images/report.png is a copy of it).
     */
    @Test
    void aScreenshotCanBeTaken() throws Exception {
        browser.driver().manage().window().setSize(new Dimension(1280, 2400));
        browser.open(page);
        browser.eval("document.querySelector('details[id^=workload-]').open = true");
        byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
        Path out = Path.of("target", "report-screenshot.png");
        Files.write(out, png);
        assertThat(png.length).isGreaterThan(10_000);
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }
}
