package io.flightdeck.harness.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.cli.CommandLineRunner;
import io.flightdeck.harness.TestTags;

/**
 * A run that goes wrong twice, a workload that throws and a budget exceeded: the page says failed, lists both
 * first, unfolds the failed workload with its stderr, and puts the failed budget at the top of its table.
 */
@Tag(TestTags.JDK_NEUTRAL)
class RunPageFailuresTest {

    @TempDir
    static Path dir;
    static Document page;

    @BeforeAll
    static void runIntoTrouble() throws Exception {
        Path budgets = Files.writeString(dir.resolve("budgets.json"), """
                { "schemaVersion": 1, "budgets": [
                  { "workload": "test-sum", "case": "size=1000", "metric": "p95", "max": "10s" },
                  { "workload": "test-sum", "case": "size=8000", "metric": "p95", "max": "1ns" } ] }
                """);
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "-w", "test-throws", "--budgets",
                budgets.toString(), "--warmup", "1", "--iterations", "3", "--iteration-ms", "200", "--heap", "128m",
                "--no-history", "--out", dir.resolve("run").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        page = Jsoup.parse(dir.resolve("run").resolve(RunPage.FILE).toFile());
    }

    @Test
    void theVerdictAndTheFailuresComeFirst() {
        assertThat(page.select("#verdict").text()).contains("Failed", "exit code 1");
        Element failed = page.selectFirst("#attention .callout.bad");
        assertThat(failed).isNotNull();
        List<String> items = failed.select("li").eachText();
        assertThat(items.get(0)).startsWith("Workload test-throws failed:");
        assertThat(items).anySatisfy(i -> assertThat(i).startsWith("Budget test-sum size=8000 p95:").contains("≤ 1 ns"));
    }

    @Test
    void theFailedWorkloadIsUnfoldedWithItsReason() {
        Element section = page.selectFirst("#workload-test-throws");
        assertThat(section).isNotNull();
        assertThat(section.hasAttr("open")).isTrue();
        assertThat(section.text()).contains("Failed:");
        assertThat(page.selectFirst("#workload-test-sum").hasAttr("open")).isFalse();
    }

    @Test
    void theFailedBudgetLeadsItsTable() {
        List<Element> rows = page.select("table#budgets tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).hasClass("fail")).isTrue();
        assertThat(rows.get(0).text()).contains("size=8000", RunPage.statusText(
                io.flightdeck.harness.check.BudgetVerdict.Status.FAIL));
        assertThat(rows.get(1).hasClass("ok")).isTrue();
    }
}
